using Marketplace.Domain.Catalog;
using Marketplace.Domain.Listings;
using static Marketplace.Benchmarks.Search.Vocabulary;

namespace Marketplace.Benchmarks.Search;

/// <summary>
/// The query mix, in equal shares, deterministic for a seed. Text words come from the catalog's own
/// vocabulary (a fifth of them cut to a 3–4 letter prefix, as typed while searching).
/// </summary>
public static class QueryMix
{
    public static readonly IReadOnlyList<(string Category, string Description)> Categories =
    [
        ("browse", "no text, facets; half filter one kind; newest first"),
        ("text-1", "one word, relevance"),
        ("text-2", "two words, relevance"),
        ("text+2-filters", "one word and two filters (kind, industry, region, task, licence, price or memory range)"),
        ("price-sort", "price ascending or descending in USD, one filter, half with one word"),
        ("deep-page", "page 20-50 of 20 or page 5-10 of 100, newest/name/relevance, half with one word"),
    ];

    public static List<BenchQuery> Generate(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(i => Make(random, Categories[i % Categories.Count].Category)).ToList();
    }

    private static BenchQuery Make(Random random, string category) => category switch
    {
        "browse" => new BenchQuery { Category = category, Kinds = random.Next(2) == 0 ? [Kind(random)] : [] },
        "text-1" => new BenchQuery { Category = category, Text = Word(random) },
        "text-2" => new BenchQuery { Category = category, Text = $"{Word(random)} {Word(random)}" },
        "text+2-filters" => TwoFilters(random, new BenchQuery { Category = category, Text = Word(random) }),
        "price-sort" => OneFilter(random, new BenchQuery
        {
            Category = category,
            Text = random.Next(2) == 0 ? Word(random) : null,
            Sort = random.Next(2) == 0 ? CatalogSort.PriceAscending : CatalogSort.PriceDescending,
        }),
        _ => random.Next(2) == 0
            ? new BenchQuery { Category = category, Text = random.Next(2) == 0 ? Word(random) : null, Sort = DeepSort(random), Page = random.Next(20, 51), PageSize = 20 }
            : new BenchQuery { Category = category, Text = random.Next(2) == 0 ? Word(random) : null, Sort = DeepSort(random), Page = random.Next(5, 11), PageSize = 100 },
    };

    private static CatalogSort DeepSort(Random random) => random.Next(3) switch { 0 => CatalogSort.Newest, 1 => CatalogSort.Name, _ => CatalogSort.Relevance };

    private static ListingKind Kind(Random random) => (ListingKind)random.Next(3);

    /// <summary>A word people would type: mostly names, tags and summary words, sometimes only its start.</summary>
    private static string Word(Random random)
    {
        var source = random.Next(5) switch
        {
            0 => NameAdjectives,
            1 => ModelNouns,
            2 => Tags,
            3 => PartnerFirst,
            _ => SummaryWords,
        };
        var word = source[random.Next(source.Length)].Split('-')[0];
        return random.Next(5) == 0 && word.Length > 4 ? word[..random.Next(3, 5)] : word;
    }

    private static BenchQuery TwoFilters(Random random, BenchQuery query)
    {
        var first = random.Next(7);
        var second = (first + 1 + random.Next(6)) % 7;
        return WithFilter(random, WithFilter(random, query, first), second);
    }

    private static BenchQuery OneFilter(Random random, BenchQuery query) => WithFilter(random, query, random.Next(3));

    private static BenchQuery WithFilter(Random random, BenchQuery query, int filter) => filter switch
    {
        0 => query with { Kinds = [Kind(random)] },
        1 => query with { Industries = [Industries[random.Next(Industries.Length)]] },
        2 => query with { Regions = [Regions[random.Next(Regions.Length)], Regions[random.Next(Regions.Length)]] },
        3 => query with { Tasks = [Tasks[random.Next(Tasks.Length)]] },
        4 => query with { Licenses = [Licenses[random.Next(Licenses.Length)]] },
        5 => query with { MinPriceMinor = 100_00, MaxPriceMinor = random.Next(2) == 0 ? 10_000_00 : 100_000_00 },
        _ => query with { MinMemoryGb = random.Next(2) == 0 ? 48 : 80 },
    };
}
