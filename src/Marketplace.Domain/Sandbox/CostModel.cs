using Marketplace.Domain.Listings;

namespace Marketplace.Domain.Sandbox;

/// <summary>Whether a throughput figure was measured on real hardware or estimated from specifications.</summary>
public enum CostBasis
{
    Measured,
    Estimated,
}

/// <summary>What one thousand inferences cost on one hardware offering.</summary>
/// <remarks>
/// Small models cost fractions of a cent per thousand inferences, so the cost per million is given
/// beside it; both are rounded up to whole minor units.
/// </remarks>
public sealed record CostEstimate(
    string HardwareId,
    string HardwareName,
    long CostPer1kMinor,
    string Currency,
    CostBasis Basis,
    double InferencesPerSecond,
    string Note,
    long CostPer1MMinor);

/// <summary>
/// Cost per 1k inferences = the hardware's cost per hour (lease, or purchase amortised over the
/// term, plus power) divided by the inferences it does in an hour, times 1,000. Integer minor
/// units, rounded up: a quote never promises less than the hardware costs.
/// </summary>
public static class CostModel
{
    public const int AmortisationMonths = 36;
    public const double HoursPerMonth = 730;

    /// <summary>The hardware's cost per hour in minor units, or null when it has no price.</summary>
    public static decimal? HourlyMinor(ListingPricing pricing, HardwareSpec hardware, long electricityPerKwhMinor)
    {
        decimal? capital = pricing.MonthlyLeaseMinor is { } lease
            ? lease / (decimal)HoursPerMonth
            : pricing.PurchasePriceMinor is { } purchase ? purchase / (decimal)(AmortisationMonths * HoursPerMonth) : null;
        if (capital is null)
        {
            return null;
        }
        var power = (hardware.PowerWatts ?? 0) / 1000m * electricityPerKwhMinor;
        return capital + power;
    }

    public static long CostPer1kMinor(decimal hourlyMinor, double inferencesPerSecond) => CostPer(1_000, hourlyMinor, inferencesPerSecond);

    public static long CostPer1MMinor(decimal hourlyMinor, double inferencesPerSecond) => CostPer(1_000_000, hourlyMinor, inferencesPerSecond);

    /// <summary>Cost of one inference in minor units, unrounded: for ordering offerings.</summary>
    public static decimal PerInferenceMinor(decimal hourlyMinor, double inferencesPerSecond)
    {
        if (inferencesPerSecond <= 0 || !double.IsFinite(inferencesPerSecond))
        {
            throw new ArgumentOutOfRangeException(nameof(inferencesPerSecond), "Throughput must be positive and finite.");
        }
        return hourlyMinor / (decimal)(inferencesPerSecond * 3600);
    }

    private static long CostPer(long inferences, decimal hourlyMinor, double inferencesPerSecond) =>
        (long)Math.Ceiling(PerInferenceMinor(hourlyMinor, inferencesPerSecond) * inferences);
}

/// <summary>
/// What a million tokens of a text-generation model cost on one hardware offering: output tokens
/// at the decode rate, input (prompt) tokens at the prefill rate, both rounded up to whole minor units.
/// </summary>
public sealed record TokenCostEstimate(
    string HardwareId,
    string HardwareName,
    long CostPer1MOutputTokensMinor,
    long CostPer1MInputTokensMinor,
    string Currency,
    CostBasis Basis,
    double DecodeTokensPerSecond,
    double PrefillTokensPerSecond,
    string Note);

/// <summary>
/// The roofline for a decoder: a generated token reads every weight and the whole KV cache once
/// (decode is bound by memory bandwidth at batch 1), while a prompt's tokens share one read of the
/// weights and are bound by compute (2 FLOPs per parameter per token). Never a measurement.
/// </summary>
public static class TokenRoofline
{
    /// <summary>Tokens per second of decode and of prefill; a missing compute peak leaves only the memory roof.</summary>
    public static (double DecodePerSecond, double PrefillPerSecond) Of(
        double parameters, double weightBytes, double kvBytesPerToken, int contextTokens, int promptTokens, double? peakTflops, double memoryBandwidthGbps)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(parameters);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(weightBytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(promptTokens);
        var flopsPerToken = 2 * parameters;
        var kv = Math.Max(0, kvBytesPerToken) * Math.Max(1, contextTokens);
        var decode = RooflineBound.Of(flopsPerToken, weightBytes + kv, peakTflops, memoryBandwidthGbps).PerSecond;
        // A prompt's tokens write their own keys and values once; they do not each re-read a whole cache.
        var prefill = RooflineBound.Of(flopsPerToken, (weightBytes / promptTokens) + Math.Max(0, kvBytesPerToken), peakTflops, memoryBandwidthGbps).PerSecond;
        return (decode, prefill);
    }
}
