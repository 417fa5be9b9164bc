using Marketplace.Domain.Listings;

namespace Marketplace.Application.Listings.Input;

/// <summary>
/// A listing as the API and the portal send it: one flat body for every kind. Fields that do not
/// apply to the kind are refused (named), so nothing a partner sends is silently dropped.
/// </summary>
public record ListingInput
{
    public ListingKind? Kind { get; init; }
    public string? Name { get; init; }
    public string? Summary { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<string>? Industries { get; init; }
    public IReadOnlyList<string>? Regions { get; init; }
    public IReadOnlyList<string>? Tags { get; init; }
    public IReadOnlyList<string>? Sources { get; init; }
    public PricingInput? Pricing { get; init; }

    // Model
    public string? Task { get; init; }
    public string? Modality { get; init; }
    public string? License { get; init; }
    public long? ParameterCount { get; init; }
    public string? Precision { get; init; }
    public IReadOnlyList<TensorSpec>? Inputs { get; init; }
    public IReadOnlyList<TensorSpec>? Outputs { get; init; }
    public int? MemoryFootprintMb { get; init; }
    public IReadOnlyList<DeploymentOption>? Deployment { get; init; }
    public string? Adapter { get; init; }
    public double? FlopsPerInference { get; init; }
    public DecoderShape? Decoder { get; init; }

    /// <summary>Text generation: the id that ends a generation (overrides the tokenizer's).</summary>
    public int? EndOfSequenceId { get; init; }

    /// <summary>Text generation: tokens matched whole before tokenisation, with their ids.</summary>
    public IReadOnlyDictionary<string, int>? SpecialTokens { get; init; }

    // Integrator
    public IReadOnlyList<string>? Capabilities { get; init; }
    public IReadOnlyList<string>? CertifiedModelIds { get; init; }
    public IReadOnlyList<string>? CertifiedHardwareIds { get; init; }
    public int? DeliveryCapacityPerQuarter { get; init; }
    public int? ProjectDays { get; init; }

    // Integrator and hardware
    public int? LeadTimeWeeks { get; init; }

    // Hardware
    public string? AcceleratorType { get; init; }
    public int? AcceleratorCount { get; init; }
    public double? MemoryPerAcceleratorGb { get; init; }
    public double? PeakBf16Tflops { get; init; }
    public double? PeakFp16Tflops { get; init; }
    public double? MemoryBandwidthGbps { get; init; }
    public string? Cpu { get; init; }
    public int? RamGb { get; init; }
    public int? PowerWatts { get; init; }
    public string? FormFactor { get; init; }
}

public sealed record PricingInput
{
    public string? Currency { get; init; }
    public long? Per1kInferencesMinor { get; init; }
    public long? MonthlyMinor { get; init; }
    public long? OnPremLicenseMinor { get; init; }
    public long? FixedFeeMinor { get; init; }
    public long? DayRateMinor { get; init; }
    public long? MonthlySupportMinor { get; init; }
    public long? PurchasePriceMinor { get; init; }
    public long? MonthlyLeaseMinor { get; init; }
}
