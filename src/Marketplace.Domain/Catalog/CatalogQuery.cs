using Marketplace.Domain.Listings;

namespace Marketplace.Domain.Catalog;

public enum CatalogSort
{
    /// <summary>Best text match first; without text, newest first.</summary>
    Relevance,
    Newest,
    PriceAscending,
    PriceDescending,
    Name,
}

/// <summary>
/// A catalog search. Values inside one filter are alternatives (OR); different filters must all
/// hold (AND). Text matches every word (a word matches indexed words it is a prefix of).
/// </summary>
public sealed record CatalogQuery
{
    public string? Text { get; init; }

    public IReadOnlyList<ListingKind> Kinds { get; init; } = [];

    public IReadOnlyList<string> Industries { get; init; } = [];

    public IReadOnlyList<string> Tasks { get; init; } = [];

    public IReadOnlyList<string> Licenses { get; init; } = [];

    public IReadOnlyList<string> Deployments { get; init; } = [];

    public IReadOnlyList<string> Regions { get; init; } = [];

    /// <summary>Price bounds apply to entries priced in <see cref="Currency"/> only.</summary>
    public long? MinPriceMinor { get; init; }

    public long? MaxPriceMinor { get; init; }

    public string Currency { get; init; } = "USD";

    public double? MinAcceleratorMemoryGb { get; init; }

    public double? MaxAcceleratorMemoryGb { get; init; }

    public CatalogSort Sort { get; init; } = CatalogSort.Relevance;

    /// <summary>1-based.</summary>
    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 20;

    public const int MaxPageSize = 100;
}

/// <summary>One result row.</summary>
public sealed record CatalogHit(
    string Id,
    ListingKind Kind,
    string Name,
    string PartnerName,
    string Summary,
    long? PriceMinor,
    string Currency,
    double Score,
    string? PriceField = null);

/// <summary>
/// A page of results, the total matching, and facet counts. The counts of one facet are taken
/// over the entries matching the text and every filter except that facet's own, so a buyer sees
/// how many results each alternative value would give ("multi-select" facets).
/// </summary>
public sealed record CatalogResult(
    int Total,
    IReadOnlyList<CatalogHit> Items,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Facets);

/// <summary>Facet names as the API returns them.</summary>
public static class CatalogFacets
{
    public const string Kind = "kind";
    public const string Industry = "industry";
    public const string Task = "task";
    public const string License = "license";
    public const string Deployment = "deployment";
    public const string Region = "region";
    public const string PriceRange = "priceRange";
    public const string AcceleratorMemory = "acceleratorMemory";

    /// <summary>Kind facet values are lower case: "model", "integrator", "hardware".</summary>
    public static string KindValue(ListingKind kind) => kind.ToString().ToLowerInvariant();
}
