namespace Marketplace.Inference.Devices;

/// <summary>Where a model runs: "cpu" or "cuda:N". Every inference result names its device.</summary>
/// <param name="Id">"cpu" or "cuda:0", "cuda:1", …</param>
/// <param name="Kind">"CPU" or "CUDA".</param>
/// <param name="Name">What the hardware is, as far as this machine tells ("AMD EPYC 7B13", "NVIDIA H200").</param>
public sealed record ComputeDeviceInfo(string Id, string Kind, string Name)
{
    public const string CpuKind = "CPU";
    public const string CudaKind = "CUDA";

    public bool IsCuda => Kind == CudaKind;

    /// <summary>The CUDA ordinal of a "cuda:N" device; -1 for the CPU.</summary>
    public int CudaOrdinal => IsCuda ? int.Parse(Id.AsSpan("cuda:".Length), System.Globalization.CultureInfo.InvariantCulture) : -1;

    public static ComputeDeviceInfo Cpu(string name) => new("cpu", CpuKind, name);

    public static ComputeDeviceInfo Cuda(int ordinal, string name) => new($"cuda:{ordinal}", CudaKind, name);
}
