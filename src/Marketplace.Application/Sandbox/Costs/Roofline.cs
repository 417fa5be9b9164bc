using Marketplace.Domain.Listings;
using Marketplace.Domain.Sandbox;
using Marketplace.Domain.Vocabulary;

namespace Marketplace.Application.Sandbox.Costs;

/// <summary>
/// The roofline bound for one accelerator: min(peak FLOP/s ÷ FLOPs per inference, bandwidth ÷
/// bytes per inference), at batch 1 with weights read once per inference, taken at
/// <see cref="Efficiency"/> of the peaks because no real workload reaches them. Hardware without a
/// stated peak (CPU-only servers) is bound by memory bandwidth alone.
/// </summary>
internal static class Roofline
{
    /// <summary>The share of peak compute and bandwidth assumed reachable (a common planning figure).</summary>
    public const double Efficiency = 0.4;

    private const int AssumedTokens = 128;

    public static double? PerSecond(SandboxModel model, HardwareSpec hardware)
    {
        var parameters = model.Artifact.ParameterCount > 0 ? model.Artifact.ParameterCount : model.Spec.ParameterCount ?? 0;
        var bytes = model.Artifact.InitializerBytes > 0 ? model.Artifact.InitializerBytes : parameters * Precisions.BytesPerParameter(model.Spec.Precision);
        var flops = model.Spec.FlopsPerInference ?? 2.0 * parameters * AssumedTokens;
        if (bytes <= 0 || flops <= 0 || hardware.MemoryBandwidthGbps <= 0)
        {
            return null;
        }
        var peak = hardware.PeakFp16Tflops ?? hardware.PeakBf16Tflops;
        return RooflineBound.Of(flops, bytes, peak * Efficiency, hardware.MemoryBandwidthGbps * Efficiency).PerSecond;
    }
}
