using Marketplace.Domain.Listings;

namespace Marketplace.Domain.Catalog;

/// <summary>
/// One published listing as search sees it: flat, small, and enough to filter, facet, rank
/// and show a result row. Built from a published <see cref="ListingContent"/> with
/// <see cref="FromListing"/>.
/// </summary>
public sealed record CatalogEntry
{
    public required string Id { get; init; }

    public required ListingKind Kind { get; init; }

    public required string Name { get; init; }

    public required string PartnerId { get; init; }

    public required string PartnerName { get; init; }

    public string Summary { get; init; } = "";

    public string Version { get; init; } = "1.0.0";

    public IReadOnlyList<string> Industries { get; init; } = [];

    public IReadOnlyList<string> Regions { get; init; } = [];

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Model task; null for other kinds.</summary>
    public string? Task { get; init; }

    public string? Modality { get; init; }

    public string? License { get; init; }

    public IReadOnlyList<string> Deployment { get; init; } = [];

    /// <summary>Integrator capabilities; empty for other kinds.</summary>
    public IReadOnlyList<string> Capabilities { get; init; } = [];

    public string? AcceleratorType { get; init; }

    /// <summary>Memory of one accelerator in GB (hardware only).</summary>
    public double? AcceleratorMemoryGb { get; init; }

    /// <summary>The headline price in minor units of <see cref="Currency"/> (see <see cref="ListingPricing.HeadlinePrice"/>).</summary>
    public long? PriceMinor { get; init; }

    public string Currency { get; init; } = "USD";

    /// <summary>The pricing field the headline price comes from ("per1kInferencesMinor", "fixedFeeMinor", …).</summary>
    public string? PriceField { get; init; }

    public DateTimeOffset PublishedAt { get; init; }

    public static CatalogEntry FromListing(string id, string version, string partnerId, string partnerName, ListingContent content, DateTimeOffset publishedAt) => new()
    {
        Id = id,
        Kind = content.Kind,
        Name = content.Name,
        PartnerId = partnerId,
        PartnerName = partnerName,
        Summary = content.Summary,
        Version = version,
        Industries = content.Industries,
        Regions = content.Regions,
        Tags = content.Tags,
        Task = content.Model?.Task,
        Modality = content.Model?.Modality,
        License = content.Model?.License,
        Deployment = content.Model?.Deployment.Select(d => d.ToString()).ToList() ?? [],
        Capabilities = content.Integrator?.Capabilities ?? [],
        AcceleratorType = content.Hardware?.AcceleratorType,
        AcceleratorMemoryGb = content.Hardware?.MemoryPerAcceleratorGb,
        PriceMinor = content.Pricing.HeadlinePrice(content.Kind),
        Currency = content.Pricing.Currency,
        PriceField = content.Pricing.HeadlineField(content.Kind),
        PublishedAt = publishedAt,
    };
}
