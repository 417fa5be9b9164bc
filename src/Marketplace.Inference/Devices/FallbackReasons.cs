namespace Marketplace.Inference.Devices;

/// <summary>Why a run went to the CPU, in the words a buyer reads beside the result.</summary>
public static class FallbackReasons
{
    public const string NoGpu = "no GPU on this sandbox host, ran on the CPU";

    public const string GpusBusy = "every GPU on this sandbox host was busy, ran on the CPU";
}
