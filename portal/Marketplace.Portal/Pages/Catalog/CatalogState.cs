using System.Globalization;
using Marketplace.Domain.Catalog;
using Marketplace.Domain.Listings;
using Microsoft.AspNetCore.WebUtilities;

namespace Marketplace.Portal.Pages.Catalog;

/// <summary>
/// What the catalog page shows, as it travels in the address bar: every filter, the sort, the page
/// and the compare picks, so a link shares the exact view and Back returns to the previous one.
/// </summary>
public sealed record CatalogState
{
    public const int PageSize = 12;

    public string? Text { get; init; }

    public ListingKind? Kind { get; init; }

    /// <summary>Multi-select facets by facet name (industry, task, license, deployment, region).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>A <see cref="CatalogFacetBuckets.PriceRanges"/> label ("100-1000"), in <see cref="Currency"/>.</summary>
    public string? PriceRange { get; init; }

    /// <summary>A <see cref="CatalogFacetBuckets.AcceleratorMemory"/> label ("48-96").</summary>
    public string? MemoryRange { get; init; }

    public string Currency { get; init; } = "USD";

    public CatalogSort Sort { get; init; } = CatalogSort.Relevance;

    public int Page { get; init; } = 1;

    public IReadOnlyList<string> Compare { get; init; } = [];

    public static readonly IReadOnlyList<string> MultiSelectFacets =
        [CatalogFacets.Industry, CatalogFacets.Task, CatalogFacets.License, CatalogFacets.Deployment, CatalogFacets.Region];

    public IReadOnlyList<string> Selected(string facet) => Filters.TryGetValue(facet, out var values) ? values : [];

    /// <summary>Adds or removes one facet value; any change of filters goes back to page 1.</summary>
    public CatalogState Toggle(string facet, string value)
    {
        var current = Selected(facet);
        var next = current.Contains(value) ? current.Where(v => v != value).ToList() : [.. current, value];
        var filters = Filters.ToDictionary(f => f.Key, f => f.Value);
        filters[facet] = next;
        return this with { Filters = filters, Page = 1 };
    }

    public CatalogState WithText(string? text) => this with { Text = string.IsNullOrWhiteSpace(text) ? null : text.Trim(), Page = 1 };

    public CatalogState WithKind(ListingKind? kind) => this with { Kind = kind, Page = 1 };

    public CatalogState WithPriceRange(string? label) => this with { PriceRange = label == PriceRange ? null : label, Page = 1 };

    public CatalogState WithMemoryRange(string? label) => this with { MemoryRange = label == MemoryRange ? null : label, Page = 1 };

    public CatalogState WithCurrency(string currency) => this with { Currency = currency, PriceRange = null, Page = 1 };

    public CatalogState WithSort(CatalogSort sort) => this with { Sort = sort, Page = 1 };

    public CatalogState WithPage(int page) => this with { Page = Math.Max(1, page) };

    public CatalogState WithCompare(IReadOnlyList<string> ids) => this with { Compare = ids };

    public bool HasFilters => Kind is not null || Text is not null || PriceRange is not null || MemoryRange is not null || Filters.Values.Any(v => v.Count > 0);

    public CatalogState ClearFilters() => new() { Sort = Sort, Currency = Currency, Compare = Compare };

    public CatalogQuery ToQuery()
    {
        var price = CatalogFacetBuckets.PriceRanges.FirstOrDefault(b => b.Label == PriceRange);
        var memory = CatalogFacetBuckets.AcceleratorMemory.FirstOrDefault(b => b.Label == MemoryRange);
        var unit = Pow10(Domain.Money.Currency.IsSupported(Currency) ? Domain.Money.Currency.DigitsOf(Currency) : 2);
        return new CatalogQuery
        {
            Text = Text,
            Kinds = Kind is { } kind ? [kind] : [],
            Industries = Selected(CatalogFacets.Industry),
            Tasks = Selected(CatalogFacets.Task),
            Licenses = Selected(CatalogFacets.License),
            Deployments = Selected(CatalogFacets.Deployment),
            Regions = Selected(CatalogFacets.Region),
            Currency = Currency,
            // Buckets include their lower bound and exclude their upper one; the query's bounds are inclusive.
            MinPriceMinor = price?.Lower * unit,
            MaxPriceMinor = price?.Upper is { } upper ? upper * unit - 1 : null,
            MinAcceleratorMemoryGb = memory?.Lower,
            MaxAcceleratorMemoryGb = memory?.Upper is { } top ? Math.BitDecrement(top) : null,
            Sort = Sort,
            Page = Page,
            PageSize = PageSize,
        };
    }

    /// <summary>The address of this view: "/catalog?q=…&amp;industry=…".</summary>
    public string ToUrl() =>
        QueryHelpers.AddQueryString("/catalog", QueryPairs().Select(p => new KeyValuePair<string, string?>(p.Name, p.Value)));

    /// <summary>The query string's names and values, in address order; defaults are left out.</summary>
    public IReadOnlyList<(string Name, string Value)> QueryPairs()
    {
        var query = new List<(string Name, string Value)>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                query.Add((name, value));
            }
        }
        Add("q", Text);
        Add("kind", Kind is { } kind ? CatalogFacets.KindValue(kind) : null);
        foreach (var facet in MultiSelectFacets)
        {
            foreach (var value in Selected(facet))
            {
                Add(facet, value);
            }
        }
        Add("price", PriceRange);
        Add("memory", MemoryRange);
        Add("currency", Currency == "USD" ? null : Currency);
        Add("sort", Sort == CatalogSort.Relevance ? null : SortValue(Sort));
        Add("page", Page > 1 ? Page.ToString(CultureInfo.InvariantCulture) : null);
        Add("compare", Compare.Count > 0 ? string.Join(',', Compare) : null);
        return query;
    }

    /// <summary>
    /// Whether <paramref name="next"/> carries on typing <paramref name="previous"/> (one starts with the
    /// other: "res" → "resnet", or back to "resn") rather than being other words.
    /// </summary>
    public static bool Refines(string? previous, string? next) =>
        previous is not null && next is not null
        && (next.StartsWith(previous, StringComparison.OrdinalIgnoreCase) || previous.StartsWith(next, StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads the address bar; unknown values are dropped rather than failing the page.</summary>
    public static CatalogState FromQuery(
        string? q, string? kind, IReadOnlyDictionary<string, string[]?> facets, string? price, string? memory,
        string? currency, string? sort, int? page, string? compare)
    {
        var filters = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var facet in MultiSelectFacets)
        {
            filters[facet] = facets.TryGetValue(facet, out var values) && values is not null
                ? values.Where(v => !string.IsNullOrWhiteSpace(v)).Distinct().ToList()
                : [];
        }
        var code = currency?.ToUpperInvariant();
        return new CatalogState
        {
            Text = string.IsNullOrWhiteSpace(q) ? null : q.Trim(),
            Kind = Enum.TryParse<ListingKind>(kind, ignoreCase: true, out var k) && Enum.IsDefined(k) && !int.TryParse(kind, out _) ? k : null,
            Filters = filters,
            PriceRange = CatalogFacetBuckets.PriceRanges.Any(b => b.Label == price) ? price : null,
            MemoryRange = CatalogFacetBuckets.AcceleratorMemory.Any(b => b.Label == memory) ? memory : null,
            Currency = Domain.Money.Currency.IsSupported(code) ? code! : "USD",
            Sort = ParseSort(sort),
            Page = page is > 0 and <= 10_000 ? page.Value : 1,
            Compare = (compare ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Distinct().Take(CatalogComparison.MaxItems).ToList(),
        };
    }

    /// <summary>Value equality for the lists inside, so re-reading the same address is "no change".</summary>
    public bool SameAs(CatalogState other) =>
        Text == other.Text && Kind == other.Kind && PriceRange == other.PriceRange && MemoryRange == other.MemoryRange
        && Currency == other.Currency && Sort == other.Sort && Page == other.Page
        && Compare.SequenceEqual(other.Compare)
        && MultiSelectFacets.All(f => Selected(f).SequenceEqual(other.Selected(f)));

    public static string SortValue(CatalogSort sort) => sort switch
    {
        CatalogSort.Newest => "newest",
        CatalogSort.PriceAscending => "price-asc",
        CatalogSort.PriceDescending => "price-desc",
        CatalogSort.Name => "name",
        _ => "relevance",
    };

    private static CatalogSort ParseSort(string? value) => value switch
    {
        "newest" => CatalogSort.Newest,
        "price-asc" => CatalogSort.PriceAscending,
        "price-desc" => CatalogSort.PriceDescending,
        "name" => CatalogSort.Name,
        _ => CatalogSort.Relevance,
    };

    private static long Pow10(int digits)
    {
        var unit = 1L;
        for (var i = 0; i < digits; i++)
        {
            unit *= 10;
        }
        return unit;
    }
}
