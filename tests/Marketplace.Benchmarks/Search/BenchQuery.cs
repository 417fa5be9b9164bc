using System.Globalization;
using System.Text;
using Marketplace.Domain.Catalog;
using Marketplace.Domain.Listings;

namespace Marketplace.Benchmarks.Search;

/// <summary>
/// One query of the mix, in a shape every target can turn into its own request: a
/// <see cref="CatalogQuery"/>, SQL, or the API's query string.
/// </summary>
public sealed record BenchQuery
{
    /// <summary>Which part of the mix it belongs to ("browse", "text-1", …), for per-category figures.</summary>
    public required string Category { get; init; }

    public string? Text { get; init; }

    public IReadOnlyList<ListingKind> Kinds { get; init; } = [];

    public IReadOnlyList<string> Industries { get; init; } = [];

    public IReadOnlyList<string> Tasks { get; init; } = [];

    public IReadOnlyList<string> Licenses { get; init; } = [];

    public IReadOnlyList<string> Deployments { get; init; } = [];

    public IReadOnlyList<string> Regions { get; init; } = [];

    public long? MinPriceMinor { get; init; }

    public long? MaxPriceMinor { get; init; }

    public string Currency { get; init; } = "USD";

    public double? MinMemoryGb { get; init; }

    public double? MaxMemoryGb { get; init; }

    public CatalogSort Sort { get; init; } = CatalogSort.Relevance;

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 20;

    public CatalogQuery ToCatalogQuery() => new()
    {
        Text = Text,
        Kinds = Kinds,
        Industries = Industries,
        Tasks = Tasks,
        Licenses = Licenses,
        Deployments = Deployments,
        Regions = Regions,
        MinPriceMinor = MinPriceMinor,
        MaxPriceMinor = MaxPriceMinor,
        Currency = Currency,
        MinAcceleratorMemoryGb = MinMemoryGb,
        MaxAcceleratorMemoryGb = MaxMemoryGb,
        Sort = Sort,
        Page = Page,
        PageSize = PageSize,
    };

    /// <summary>The API's contract: multi-values as repeated parameters, kinds and sorts in their wire spelling.</summary>
    public string ToQueryString()
    {
        var query = new StringBuilder();
        void Add(string name, string? value)
        {
            if (value is null)
            {
                return;
            }
            query.Append(query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }
        Add("q", Text);
        foreach (var kind in Kinds)
        {
            Add("kind", CatalogFacets.KindValue(kind));
        }
        foreach (var (name, values) in new[] { ("industry", Industries), ("task", Tasks), ("license", Licenses), ("deployment", Deployments), ("region", Regions) })
        {
            foreach (var value in values)
            {
                Add(name, value);
            }
        }
        Add("minPrice", MinPriceMinor?.ToString(CultureInfo.InvariantCulture));
        Add("maxPrice", MaxPriceMinor?.ToString(CultureInfo.InvariantCulture));
        Add("currency", Currency);
        Add("minMemoryGb", MinMemoryGb?.ToString(CultureInfo.InvariantCulture));
        Add("maxMemoryGb", MaxMemoryGb?.ToString(CultureInfo.InvariantCulture));
        Add("sort", SortValue(Sort));
        Add("page", Page.ToString(CultureInfo.InvariantCulture));
        Add("pageSize", PageSize.ToString(CultureInfo.InvariantCulture));
        return query.ToString();
    }

    public static string SortValue(CatalogSort sort) => sort switch
    {
        CatalogSort.Newest => "newest",
        CatalogSort.PriceAscending => "price-asc",
        CatalogSort.PriceDescending => "price-desc",
        CatalogSort.Name => "name",
        _ => "relevance",
    };
}
