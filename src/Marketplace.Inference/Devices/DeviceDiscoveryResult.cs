namespace Marketplace.Inference.Devices;

/// <summary>
/// What discovery found: the usable devices (CUDA ones first, the CPU always last) and, when no
/// CUDA device could be created, why not, so the host can say "CPU (CUDA unavailable: …)".
/// </summary>
public sealed record DeviceDiscoveryResult(IReadOnlyList<ComputeDeviceInfo> Devices, string? CudaUnavailableReason)
{
    public bool HasCuda => Devices.Any(d => d.IsCuda);

    public ComputeDeviceInfo Cpu => Devices.Single(d => !d.IsCuda);

    /// <summary>One line for logs and the system-info endpoint.</summary>
    public string Summary => HasCuda
        ? string.Join(", ", Devices.Select(d => $"{d.Id} ({d.Name})"))
        : $"CPU only ({Cpu.Name}); CUDA unavailable: {CudaUnavailableReason}";
}
