using Marketplace.Domain.Listings;
using Marketplace.Domain.Vocabulary;

namespace Marketplace.Application.Listings.Input;

/// <summary>Turns validated input into the domain's listing content (trimmed, normalised, defaults).</summary>
public static class ListingInputMapper
{
    public static ListingContent ToContent(this ListingInput i)
    {
        var kind = i.Kind!.Value;
        return new ListingContent
        {
            Kind = kind,
            Name = i.Name!.Trim(),
            Summary = i.Summary?.Trim() ?? "",
            Description = string.IsNullOrWhiteSpace(i.Description) ? null : i.Description.Trim(),
            Industries = Clean(i.Industries, lower: true),
            Regions = Clean(i.Regions, lower: false).Select(r => Regions.Normalize(r)!).Distinct().ToList(),
            Tags = Clean(i.Tags, lower: true),
            Sources = Clean(i.Sources, lower: false),
            Pricing = ToPricing(i.Pricing),
            Model = kind != ListingKind.Model ? null : ToModel(i),
            Integrator = kind != ListingKind.Integrator ? null : new IntegratorSpec
            {
                Capabilities = Clean(i.Capabilities, lower: true),
                CertifiedModelIds = Clean(i.CertifiedModelIds, lower: false),
                CertifiedHardwareIds = Clean(i.CertifiedHardwareIds, lower: false),
                DeliveryCapacityPerQuarter = i.DeliveryCapacityPerQuarter,
                ProjectDays = i.ProjectDays,
                LeadTimeWeeks = i.LeadTimeWeeks,
            },
            Hardware = kind != ListingKind.Hardware ? null : new HardwareSpec
            {
                AcceleratorType = i.AcceleratorType!.Trim(),
                AcceleratorCount = i.AcceleratorCount ?? 0,
                MemoryPerAcceleratorGb = i.MemoryPerAcceleratorGb ?? 0,
                PeakBf16Tflops = i.PeakBf16Tflops ?? 0,
                PeakFp16Tflops = i.PeakFp16Tflops,
                MemoryBandwidthGbps = i.MemoryBandwidthGbps ?? 0,
                Cpu = i.Cpu?.Trim(),
                RamGb = i.RamGb,
                PowerWatts = i.PowerWatts,
                FormFactor = i.FormFactor?.Trim(),
                LeadTimeWeeks = i.LeadTimeWeeks,
            },
        };
    }

    /// <summary>Words from the vocabularies as they are stored; a listing that names no adapter gets its task's.</summary>
    private static ModelSpec ToModel(ListingInput i)
    {
        var task = ModelTasks.All.Normalize(i.Task)!;
        var modality = Modalities.All.Normalize(i.Modality)!;
        return new ModelSpec
        {
            Task = task,
            Modality = modality,
            License = i.License!.Trim().ToLowerInvariant(),
            ParameterCount = i.ParameterCount,
            Precision = Precisions.All.Normalize(i.Precision),
            Inputs = i.Inputs ?? [],
            Outputs = i.Outputs ?? [],
            MemoryFootprintMb = i.MemoryFootprintMb,
            Deployment = i.Deployment?.Distinct().ToList() ?? [],
            Adapter = ModelAdapters.All.Normalize(i.Adapter) ?? ModelTasks.DefaultAdapter(task, modality),
            FlopsPerInference = i.FlopsPerInference,
            Decoder = i.Decoder,
            AdapterSettings = i.EndOfSequenceId is null && i.SpecialTokens is not { Count: > 0 }
                ? null
                : new ModelAdapterSettings { EndOfSequenceId = i.EndOfSequenceId, SpecialTokens = i.SpecialTokens is { Count: > 0 } specials ? new Dictionary<string, int>(specials, StringComparer.Ordinal) : null },
        };
    }

    private static ListingPricing ToPricing(PricingInput? p) => new()
    {
        Currency = p?.Currency?.Trim().ToUpperInvariant() ?? "USD",
        Per1kInferencesMinor = p?.Per1kInferencesMinor,
        MonthlyMinor = p?.MonthlyMinor,
        OnPremLicenseMinor = p?.OnPremLicenseMinor,
        FixedFeeMinor = p?.FixedFeeMinor,
        DayRateMinor = p?.DayRateMinor,
        MonthlySupportMinor = p?.MonthlySupportMinor,
        PurchasePriceMinor = p?.PurchasePriceMinor,
        MonthlyLeaseMinor = p?.MonthlyLeaseMinor,
    };

    private static List<string> Clean(IReadOnlyList<string>? values, bool lower) =>
        values?.Where(v => !string.IsNullOrWhiteSpace(v))
            .Select(v => lower ? v.Trim().ToLowerInvariant() : v.Trim())
            .Distinct()
            .ToList() ?? [];
}
