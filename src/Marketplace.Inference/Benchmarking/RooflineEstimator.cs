using Marketplace.Domain.Listings;

namespace Marketplace.Inference.Benchmarking;

/// <summary>
/// What one inference costs: floating-point operations, weight bytes read once per batch, and
/// activation bytes moved per inference.
/// </summary>
public sealed record ModelCost(double FlopsPerInference, double WeightBytes, double ActivationBytesPerInference = 0)
{
    /// <summary>
    /// The dense-transformer rule of thumb, 2 FLOPs per parameter per token, for models whose
    /// listing gives no FLOPs figure. Wrong for convolutions, where the listing's figure is needed.
    /// </summary>
    public static ModelCost FromParameters(long parameters, double bytesPerParameter, int tokensPerInference) =>
        new(2.0 * parameters * tokensPerInference, parameters * bytesPerParameter);
}

/// <summary>The best a device could do for a model, from its peak compute and memory bandwidth. Never a measurement.</summary>
public sealed record RooflineEstimate
{
    public required string Hardware { get; init; }

    public required int BatchSize { get; init; }

    /// <summary>FLOPs per byte moved at this batch size.</summary>
    public required double ArithmeticIntensity { get; init; }

    public required double ComputeBoundPerSecond { get; init; }

    public required double MemoryBoundPerSecond { get; init; }

    /// <summary>The lower of the two bounds.</summary>
    public required double EstimatedInferencesPerSecond { get; init; }

    /// <summary>"compute" or "memory": which roof the model hits.</summary>
    public required string BoundBy { get; init; }

    public string Source => "Estimated (roofline)";
}

public static class RooflineEstimator
{
    /// <summary>Peak TFLOPS and bandwidth taken as given; <paramref name="efficiency"/> scales both (1 = the ideal roof).</summary>
    public static RooflineEstimate Estimate(ModelCost cost, string hardware, double peakTflops, double memoryBandwidthGbps, int batchSize = 1, double efficiency = 1.0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(peakTflops);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(memoryBandwidthGbps);
        var bytesPerInference = (cost.WeightBytes / batchSize) + cost.ActivationBytesPerInference;
        var (perSecond, boundBy) = Domain.Sandbox.RooflineBound.Of(cost.FlopsPerInference, bytesPerInference, peakTflops * efficiency, memoryBandwidthGbps * efficiency);
        return new RooflineEstimate
        {
            Hardware = hardware,
            BatchSize = batchSize,
            ArithmeticIntensity = cost.FlopsPerInference / bytesPerInference,
            ComputeBoundPerSecond = peakTflops * 1e12 * efficiency / cost.FlopsPerInference,
            MemoryBoundPerSecond = memoryBandwidthGbps * 1e9 * efficiency / bytesPerInference,
            EstimatedInferencesPerSecond = perSecond,
            BoundBy = boundBy,
        };
    }

    /// <summary>
    /// For a listed hardware offering: one accelerator's dense FP16 peak (BF16 when FP16 is not
    /// given) and its memory bandwidth.
    /// </summary>
    public static RooflineEstimate Estimate(ModelCost cost, HardwareSpec hardware, int batchSize = 1, double efficiency = 1.0)
    {
        ArgumentNullException.ThrowIfNull(hardware);
        return Estimate(cost, hardware.AcceleratorType, hardware.PeakFp16Tflops ?? hardware.PeakBf16Tflops, hardware.MemoryBandwidthGbps, batchSize, efficiency);
    }
}
