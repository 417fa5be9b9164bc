namespace Marketplace.Domain.Sandbox;

/// <summary>
/// The roofline model: a device does at most peak FLOP/s ÷ FLOPs per inference, and at most
/// memory bandwidth ÷ bytes moved per inference; the lower bound wins. Never a measurement.
/// </summary>
public static class RooflineBound
{
    /// <summary>Inferences per second and which roof binds; a missing peak leaves only the memory roof.</summary>
    public static (double PerSecond, string BoundBy) Of(double flopsPerInference, double bytesPerInference, double? peakTflops, double memoryBandwidthGbps)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(flopsPerInference);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bytesPerInference);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(memoryBandwidthGbps);
        var memory = memoryBandwidthGbps * 1e9 / bytesPerInference;
        if (peakTflops is not > 0)
        {
            return (memory, "memory");
        }
        var compute = peakTflops.Value * 1e12 / flopsPerInference;
        return compute <= memory ? (compute, "compute") : (memory, "memory");
    }
}
