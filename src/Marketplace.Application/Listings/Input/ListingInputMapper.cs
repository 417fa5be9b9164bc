using Marketplace.Domain.Listings;

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
            Regions = Clean(i.Regions, lower: false).Select(r => r.ToUpperInvariant()).Distinct().ToList(),
            Tags = Clean(i.Tags, lower: true),
            Sources = Clean(i.Sources, lower: false),
            Pricing = ToPricing(i.Pricing),
            Model = kind != ListingKind.Model ? null : new ModelSpec
            {
                Task = i.Task!.Trim().ToLowerInvariant(),
                Modality = i.Modality!.Trim().ToLowerInvariant(),
                License = i.License!.Trim().ToLowerInvariant(),
                ParameterCount = i.ParameterCount,
                Precision = i.Precision?.Trim().ToLowerInvariant(),
                Inputs = i.Inputs ?? [],
                Outputs = i.Outputs ?? [],
                MemoryFootprintMb = i.MemoryFootprintMb,
                Deployment = i.Deployment?.Distinct().ToList() ?? [],
                Adapter = i.Adapter?.Trim().ToLowerInvariant() ?? DefaultAdapter(i.Task!, i.Modality!),
                FlopsPerInference = i.FlopsPerInference,
            },
            Integrator = kind != ListingKind.Integrator ? null : new IntegratorSpec
            {
                Capabilities = Clean(i.Capabilities, lower: true),
                CertifiedModelIds = Clean(i.CertifiedModelIds, lower: false),
                CertifiedHardwareIds = Clean(i.CertifiedHardwareIds, lower: false),
                DeliveryCapacityPerQuarter = i.DeliveryCapacityPerQuarter,
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

    /// <summary>The input that reproduces a content (for editing forms and round trips).</summary>
    public static ListingInput ToInput(this ListingContent c) => new()
    {
        Kind = c.Kind,
        Name = c.Name,
        Summary = c.Summary,
        Description = c.Description,
        Industries = c.Industries,
        Regions = c.Regions,
        Tags = c.Tags,
        Sources = c.Sources,
        Pricing = new PricingInput
        {
            Currency = c.Pricing.Currency,
            Per1kInferencesMinor = c.Pricing.Per1kInferencesMinor,
            MonthlyMinor = c.Pricing.MonthlyMinor,
            OnPremLicenseMinor = c.Pricing.OnPremLicenseMinor,
            FixedFeeMinor = c.Pricing.FixedFeeMinor,
            DayRateMinor = c.Pricing.DayRateMinor,
            MonthlySupportMinor = c.Pricing.MonthlySupportMinor,
            PurchasePriceMinor = c.Pricing.PurchasePriceMinor,
            MonthlyLeaseMinor = c.Pricing.MonthlyLeaseMinor,
        },
        Task = c.Model?.Task,
        Modality = c.Model?.Modality,
        License = c.Model?.License,
        ParameterCount = c.Model?.ParameterCount,
        Precision = c.Model?.Precision,
        Inputs = c.Model?.Inputs,
        Outputs = c.Model?.Outputs,
        MemoryFootprintMb = c.Model?.MemoryFootprintMb,
        Deployment = c.Model?.Deployment,
        Adapter = c.Model?.Adapter,
        FlopsPerInference = c.Model?.FlopsPerInference,
        Capabilities = c.Integrator?.Capabilities,
        CertifiedModelIds = c.Integrator?.CertifiedModelIds,
        CertifiedHardwareIds = c.Integrator?.CertifiedHardwareIds,
        DeliveryCapacityPerQuarter = c.Integrator?.DeliveryCapacityPerQuarter,
        LeadTimeWeeks = c.Integrator?.LeadTimeWeeks ?? c.Hardware?.LeadTimeWeeks,
        AcceleratorType = c.Hardware?.AcceleratorType,
        AcceleratorCount = c.Hardware?.AcceleratorCount,
        MemoryPerAcceleratorGb = c.Hardware?.MemoryPerAcceleratorGb,
        PeakBf16Tflops = c.Hardware?.PeakBf16Tflops,
        PeakFp16Tflops = c.Hardware?.PeakFp16Tflops,
        MemoryBandwidthGbps = c.Hardware?.MemoryBandwidthGbps,
        Cpu = c.Hardware?.Cpu,
        RamGb = c.Hardware?.RamGb,
        PowerWatts = c.Hardware?.PowerWatts,
        FormFactor = c.Hardware?.FormFactor,
    };

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

    /// <summary>
    /// A listing that names no adapter gets the one its task implies, so a text-embedding model
    /// takes texts and an image classifier takes an image; other tasks take raw tensors.
    /// </summary>
    private static string? DefaultAdapter(string task, string modality) =>
        (task.Trim().ToLowerInvariant(), modality.Trim().ToLowerInvariant()) switch
        {
            ("text-embedding" or "text-classification" or "sentence-similarity", "text") => "text",
            ("image-embedding" or "image-classification", "image") => "image",
            _ => null,
        };
}
