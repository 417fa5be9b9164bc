using System.Text.RegularExpressions;
using Marketplace.Domain.Catalog;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Money;

namespace Marketplace.Domain.Tests.Catalog;

/// <summary>
/// The search rules written as plainly as possible: LINQ over the entry list, everything worked out
/// again for every query, no shared code with the index beyond the contract types. Slow on purpose.
/// </summary>
internal sealed partial class BruteForceCatalog
{
    private static readonly (string Label, decimal Lower, decimal? Upper)[] PriceRanges =
    [
        ("0-100", 0, 100), ("100-1000", 100, 1000), ("1000-10000", 1000, 10000), ("10000-100000", 10000, 100000), ("100000+", 100000, null),
    ];

    private static readonly (string Label, double Lower, double? Upper)[] MemoryRanges =
    [
        ("0-24", 0, 24), ("24-48", 24, 48), ("48-96", 48, 96), ("96+", 96, null),
    ];

    private readonly List<CatalogEntry> _entries = [];

    public int Count => _entries.Count;

    public void Upsert(CatalogEntry entry)
    {
        _entries.RemoveAll(e => e.Id == entry.Id);
        _entries.Add(entry);
    }

    public bool Remove(string id) => _entries.RemoveAll(e => e.Id == id) > 0;

    public void ReplaceAll(IEnumerable<CatalogEntry> entries)
    {
        _entries.Clear();
        foreach (var entry in entries)
        {
            Upsert(entry);
        }
    }

    public CatalogResult Search(CatalogQuery query)
    {
        var words = Words(query.Text);
        var filters = new Dictionary<string, Func<CatalogEntry, bool>>
        {
            [CatalogFacets.Kind] = e => query.Kinds.Count == 0 || query.Kinds.Contains(e.Kind),
            [CatalogFacets.Industry] = e => AnyOf(query.Industries, e.Industries),
            [CatalogFacets.Task] = e => AnyOf(query.Tasks, e.Task is null ? [] : [e.Task]),
            [CatalogFacets.License] = e => AnyOf(query.Licenses, e.License is null ? [] : [e.License]),
            [CatalogFacets.Deployment] = e => AnyOf(query.Deployments, e.Deployment),
            [CatalogFacets.Region] = e => query.Regions.Count == 0 || e.Regions.Any(r => Same(r, "GLOBAL")) || AnyOf(query.Regions, e.Regions),
            [CatalogFacets.PriceRange] = e => (query.MinPriceMinor is null && query.MaxPriceMinor is null) ||
                (PricedIn(e, query.Currency) && e.PriceMinor >= (query.MinPriceMinor ?? long.MinValue) && e.PriceMinor <= (query.MaxPriceMinor ?? long.MaxValue)),
            [CatalogFacets.AcceleratorMemory] = e => (query.MinAcceleratorMemoryGb is null && query.MaxAcceleratorMemoryGb is null) ||
                (e.AcceleratorMemoryGb is { } gb && gb >= (query.MinAcceleratorMemoryGb ?? double.MinValue) && gb <= (query.MaxAcceleratorMemoryGb ?? double.MaxValue)),
        };
        var textMatches = _entries.Where(e => words.All(w => Weight(e, w) > 0)).ToList();
        List<CatalogEntry> AllBut(string facet) => textMatches.Where(e => filters.Where(f => f.Key != facet).All(f => f.Value(e))).ToList();
        var matches = AllBut("");

        var facets = new Dictionary<string, IReadOnlyDictionary<string, int>>
        {
            [CatalogFacets.Kind] = Enum.GetValues<ListingKind>().ToDictionary(CatalogFacets.KindValue, k => AllBut(CatalogFacets.Kind).Count(e => e.Kind == k)),
            [CatalogFacets.Industry] = ValueCounts(AllBut(CatalogFacets.Industry), e => e.Industries),
            [CatalogFacets.Task] = ValueCounts(AllBut(CatalogFacets.Task), e => e.Task is null ? [] : [e.Task]),
            [CatalogFacets.License] = ValueCounts(AllBut(CatalogFacets.License), e => e.License is null ? [] : [e.License]),
            [CatalogFacets.Deployment] = ValueCounts(AllBut(CatalogFacets.Deployment), e => e.Deployment),
            [CatalogFacets.Region] = RegionCounts(AllBut(CatalogFacets.Region)),
            [CatalogFacets.PriceRange] = PriceRangeCounts(AllBut(CatalogFacets.PriceRange), query.Currency),
            [CatalogFacets.AcceleratorMemory] = MemoryCounts(AllBut(CatalogFacets.AcceleratorMemory)),
        };

        var scored = matches.Select(e => (Entry: e, Score: Score(e, words))).ToList();
        var sorted = (query.Sort, words.Count > 0) switch
        {
            (CatalogSort.Relevance, true) => scored.OrderByDescending(s => s.Score).ThenByDescending(s => s.Entry.PublishedAt.UtcTicks).ThenBy(s => s.Entry.Id, StringComparer.Ordinal),
            (CatalogSort.PriceAscending, _) => scored.OrderBy(s => PricedIn(s.Entry, query.Currency) ? 0 : 1)
                .ThenBy(s => PricedIn(s.Entry, query.Currency) ? s.Entry.PriceMinor : 0)
                .ThenBy(s => s.Entry.Name, StringComparer.OrdinalIgnoreCase).ThenBy(s => s.Entry.Id, StringComparer.Ordinal),
            (CatalogSort.PriceDescending, _) => scored.OrderBy(s => PricedIn(s.Entry, query.Currency) ? 0 : 1)
                .ThenByDescending(s => PricedIn(s.Entry, query.Currency) ? s.Entry.PriceMinor : 0)
                .ThenBy(s => s.Entry.Name, StringComparer.OrdinalIgnoreCase).ThenBy(s => s.Entry.Id, StringComparer.Ordinal),
            (CatalogSort.Name, _) => scored.OrderBy(s => s.Entry.Name, StringComparer.OrdinalIgnoreCase).ThenBy(s => s.Entry.Id, StringComparer.Ordinal),
            _ => scored.OrderByDescending(s => s.Entry.PublishedAt.UtcTicks).ThenBy(s => s.Entry.Id, StringComparer.Ordinal),
        };
        var pageSize = Math.Clamp(query.PageSize, 1, CatalogQuery.MaxPageSize);
        var page = Math.Max(1, query.Page);
        var items = sorted.Skip((page - 1) * pageSize).Take(pageSize)
            .Select(s => new CatalogHit(s.Entry.Id, s.Entry.Kind, s.Entry.Name, s.Entry.PartnerName, s.Entry.Summary, s.Entry.PriceMinor, s.Entry.Currency, s.Score))
            .ToList();
        return new CatalogResult(matches.Count, items, facets);
    }

    /// <summary>Tokens by hand with a regular expression: ideographs alone, else runs of letters and digits (with marks inside).</summary>
    public static List<string> Words(string? text) =>
        text is null ? [] : TokenPattern().Matches(text.Normalize()).Select(m => m.Value.ToLowerInvariant()).ToList();

    [GeneratedRegex(@"[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]|(?:(?![\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF])[\p{L}\p{Nd}])(?:(?![\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF])[\p{L}\p{Nd}\p{M}])*")]
    private static partial Regex TokenPattern();

    private static IEnumerable<(int Weight, string? Text)> Fields(CatalogEntry e) =>
        new (int, string?)[] { (3, e.Name), (2, e.PartnerName), (1, e.Summary), (2, e.Task), (2, e.AcceleratorType), (1, e.License), (1, e.Modality) }
            .Concat(e.Tags.Select(t => (2, (string?)t)))
            .Concat(e.Industries.Select(i => (1, (string?)i)))
            .Concat(e.Capabilities.Select(c => (1, (string?)c)));

    /// <summary>The weight of the best field holding a token that starts with the word; 0 when none does.</summary>
    private static int Weight(CatalogEntry e, string word) =>
        Fields(e).Where(f => Words(f.Text).Any(t => t.StartsWith(word, StringComparison.Ordinal))).Select(f => f.Weight).DefaultIfEmpty(0).Max();

    private double Score(CatalogEntry e, List<string> words)
    {
        var score = 0.0;
        foreach (var word in words)
        {
            var documentFrequency = _entries.Count(x => Weight(x, word) > 0);
            score += Math.Log(1 + ((double)_entries.Count / documentFrequency)) * Weight(e, word);
        }
        return score;
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static bool AnyOf(IReadOnlyList<string> wanted, IReadOnlyList<string> held) => wanted.Count == 0 || held.Any(h => wanted.Any(w => Same(w, h)));

    private static bool PricedIn(CatalogEntry e, string currency) => e.PriceMinor is not null && Same(e.Currency, currency);

    private static Dictionary<string, int> ValueCounts(List<CatalogEntry> over, Func<CatalogEntry, IReadOnlyList<string>> values) =>
        over.SelectMany(e => values(e).Select(v => v.ToLowerInvariant()).Distinct())
            .GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count());

    private static Dictionary<string, int> RegionCounts(List<CatalogEntry> over) =>
        over.SelectMany(e => e.Regions.Select(r => r.ToLowerInvariant())).Distinct()
            .ToDictionary(v => v, v => over.Count(e => e.Regions.Any(r => Same(r, v) || Same(r, "GLOBAL"))));

    private static Dictionary<string, int> PriceRangeCounts(List<CatalogEntry> over, string currency)
    {
        if (!Currency.IsSupported(currency.ToUpperInvariant()))
        {
            return [];
        }
        var unit = (decimal)Math.Pow(10, Currency.DigitsOf(currency.ToUpperInvariant()));
        return over.Where(e => PricedIn(e, currency))
            .Select(e => PriceRanges.FirstOrDefault(r => e.PriceMinor!.Value / unit >= r.Lower && (r.Upper is null || e.PriceMinor!.Value / unit < r.Upper)).Label)
            .Where(label => label is not null)
            .GroupBy(label => label).ToDictionary(g => g.Key, g => g.Count());
    }

    private static Dictionary<string, int> MemoryCounts(List<CatalogEntry> over) =>
        over.Where(e => e.AcceleratorMemoryGb is not null)
            .Select(e => MemoryRanges.FirstOrDefault(r => e.AcceleratorMemoryGb >= r.Lower && (r.Upper is null || e.AcceleratorMemoryGb < r.Upper)).Label)
            .Where(label => label is not null)
            .GroupBy(label => label).ToDictionary(g => g.Key, g => g.Count());
}
