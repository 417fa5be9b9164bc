using System.Globalization;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Money;

namespace Marketplace.Domain.Catalog;

/// <summary>One attribute across the compared listings; a null value means "not stated".</summary>
public sealed record ComparisonRow(string Key, string Label, IReadOnlyList<string?> Values);

/// <summary>Side-by-side attribute rows for up to four listings of one kind.</summary>
public static class CatalogComparison
{
    public const int MaxItems = 4;

    public static IReadOnlyList<ComparisonRow> Rows(ListingKind kind, IReadOnlyList<ListingContent> items)
    {
        var rows = new List<ComparisonRow>
        {
            Row("summary", "Summary", items, c => c.Summary),
            Row("industries", "Industries", items, c => Join(c.Industries)),
            Row("regions", "Regions", items, c => Join(c.Regions)),
        };
        rows.AddRange(kind switch
        {
            ListingKind.Model =>
            [
                Row("task", "Task", items, c => c.Model?.Task),
                Row("modality", "Modality", items, c => c.Model?.Modality),
                Row("license", "Licence", items, c => c.Model?.License),
                Row("parameterCount", "Parameters", items, c => c.Model?.ParameterCount is { } p ? Parameters(p) : null),
                Row("precision", "Precision", items, c => c.Model?.Precision),
                Row("memoryFootprintMb", "Memory footprint", items, c => c.Model?.MemoryFootprintMb is { } m ? $"{m:N0} MB" : null),
                Row("deployment", "Deployment", items, c => Join(c.Model?.Deployment.Select(d => d.ToString()))),
            ],
            ListingKind.Integrator =>
            [
                Row("capabilities", "Capabilities", items, c => Join(c.Integrator?.Capabilities)),
                Row("deliveryCapacityPerQuarter", "Projects per quarter", items, c => c.Integrator?.DeliveryCapacityPerQuarter?.ToString(CultureInfo.InvariantCulture)),
                Row("leadTimeWeeks", "Lead time", items, c => c.Integrator?.LeadTimeWeeks is { } w ? $"{w} weeks" : null),
                Row("certifiedModels", "Certified models", items, c => c.Integrator?.CertifiedModelIds.Count.ToString(CultureInfo.InvariantCulture)),
                Row("certifiedHardware", "Certified hardware", items, c => c.Integrator?.CertifiedHardwareIds.Count.ToString(CultureInfo.InvariantCulture)),
            ],
            _ =>
            [
                Row("accelerator", "Accelerator", items, c => c.Hardware is { } h ? (h.AcceleratorCount > 0 ? $"{h.AcceleratorCount}× {h.AcceleratorType}" : "CPU only") : null),
                Row("memoryPerAcceleratorGb", "Memory per accelerator", items, c => c.Hardware?.MemoryPerAcceleratorGb is > 0 and var m ? $"{m:0.#} GB" : null),
                Row("peakBf16Tflops", "Peak bf16 (dense, each)", items, c => c.Hardware?.PeakBf16Tflops is > 0 and var t ? $"{t:N1} TFLOPS" : null),
                Row("memoryBandwidthGbps", "Memory bandwidth (each)", items, c => c.Hardware?.MemoryBandwidthGbps is > 0 and var b ? $"{b:N0} GB/s" : null),
                Row("cpu", "CPU", items, c => c.Hardware?.Cpu),
                Row("ramGb", "RAM", items, c => c.Hardware?.RamGb is { } r ? $"{r:N0} GB" : null),
                Row("powerWatts", "Power", items, c => c.Hardware?.PowerWatts is { } p ? $"{p:N0} W" : null),
                Row("formFactor", "Form factor", items, c => c.Hardware?.FormFactor),
                Row("leadTimeWeeks", "Lead time", items, c => c.Hardware?.LeadTimeWeeks is { } w ? $"{w} weeks" : null),
            ],
        });
        foreach (var field in ListingPricing.FieldsFor(kind))
        {
            rows.Add(Row("pricing." + field, PriceLabel(field), items, c =>
                c.Pricing.Fields().First(f => f.Field == field).Minor is { } minor ? Currency.Format(minor, c.Pricing.Currency) : null));
        }
        return rows;
    }

    public static string PriceLabel(string field) => field switch
    {
        "per1kInferencesMinor" => "Price per 1k inferences",
        "monthlyMinor" => "Monthly subscription",
        "onPremLicenseMinor" => "On-prem licence",
        "fixedFeeMinor" => "Fixed fee",
        "dayRateMinor" => "Day rate",
        "monthlySupportMinor" => "Monthly support",
        "purchasePriceMinor" => "Purchase price",
        "monthlyLeaseMinor" => "Monthly lease",
        _ => field,
    };

    public static string Parameters(long count) => count switch
    {
        >= 1_000_000_000 => $"{count / 1e9:0.#}B",
        >= 1_000_000 => $"{count / 1e6:0.#}M",
        _ => count.ToString("N0", CultureInfo.InvariantCulture),
    };

    private static ComparisonRow Row(string key, string label, IReadOnlyList<ListingContent> items, Func<ListingContent, string?> value) =>
        new(key, label, items.Select(value).ToList());

    private static string? Join(IEnumerable<string>? values) =>
        values?.ToList() is { Count: > 0 } list ? string.Join(", ", list) : null;
}
