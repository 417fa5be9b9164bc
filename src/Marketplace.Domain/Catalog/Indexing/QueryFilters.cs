namespace Marketplace.Domain.Catalog.Indexing;

/// <summary>
/// The documents each filter of a query admits, one bitset per <see cref="FacetSlot"/>, null where
/// the query does not filter. Values inside one filter are alternatives, so their sets are OR-ed.
/// </summary>
internal sealed class QueryFilters
{
    public const string GlobalRegion = "global";

    private readonly ulong[]?[] _slots = new ulong[]?[Enum.GetValues<FacetSlot>().Length];

    public ulong[]? this[FacetSlot slot] => _slots[(int)slot];

    public IEnumerable<FacetSlot> Active => Enum.GetValues<FacetSlot>().Where(slot => _slots[(int)slot] is not null);

    public static QueryFilters For(IndexStore store, CatalogQuery query, int words)
    {
        var filters = new QueryFilters();
        if (query.Kinds is { Count: > 0 } kinds)
        {
            filters.Set(FacetSlot.Kind, Union(words, kinds.Distinct().Select(kind => store.KindDocs(kind).ToArray())));
        }
        filters.SetValues(FacetSlot.Industry, store.Industries, query.Industries, words);
        filters.SetValues(FacetSlot.Task, store.Tasks, query.Tasks, words);
        filters.SetValues(FacetSlot.License, store.Licenses, query.Licenses, words);
        filters.SetValues(FacetSlot.Deployment, store.Deployments, query.Deployments, words);
        if (query.Regions is { Count: > 0 } regions)
        {
            // A listing offered globally is offered in every region asked for.
            var regionSet = Union(words, regions.Select(r => r is null ? null : store.Regions.Get(PreparedEntry.FacetKey(r))));
            Bits.Or(regionSet, store.Regions.Get(GlobalRegion));
            filters.Set(FacetSlot.Region, regionSet);
        }
        if (query.MinPriceMinor is not null || query.MaxPriceMinor is not null)
        {
            filters.Set(FacetSlot.PriceRange, PriceSet(store, query, words));
        }
        if (query.MinAcceleratorMemoryGb is not null || query.MaxAcceleratorMemoryGb is not null)
        {
            filters.Set(FacetSlot.AcceleratorMemory, MemorySet(store, query, words));
        }
        return filters;
    }

    /// <summary>-1 when no document is priced in the query's currency.</summary>
    public static int QueryCurrencyId(IndexStore store, CatalogQuery query) =>
        store.CurrencyId((query.Currency ?? "").ToUpperInvariant());

    private void Set(FacetSlot slot, ulong[] documents) => _slots[(int)slot] = documents;

    private void SetValues(FacetSlot slot, FacetPostings postings, IReadOnlyList<string>? values, int words)
    {
        if (values is { Count: > 0 })
        {
            Set(slot, Union(words, values.Select(v => v is null ? null : postings.Get(PreparedEntry.FacetKey(v)))));
        }
    }

    private static ulong[] Union(int words, IEnumerable<ulong[]?> sets)
    {
        var union = new ulong[words];
        foreach (var set in sets)
        {
            Bits.Or(union, set);
        }
        return union;
    }

    private static ulong[] PriceSet(IndexStore store, CatalogQuery query, int words)
    {
        var set = new ulong[words];
        var currencyId = QueryCurrencyId(store, query);
        if (currencyId < 0)
        {
            return set;
        }
        var min = query.MinPriceMinor ?? long.MinValue;
        var max = query.MaxPriceMinor ?? long.MaxValue;
        var priced = store.PricedInDocs(currencyId);
        for (var w = 0; w < Math.Min(words, priced.Length); w++)
        {
            for (var bits = priced[w]; bits != 0; bits &= bits - 1)
            {
                var doc = (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(bits);
                var price = store.PriceMinor(doc);
                if (price >= min && price <= max)
                {
                    set[w] |= 1UL << doc;
                }
            }
        }
        return set;
    }

    private static ulong[] MemorySet(IndexStore store, CatalogQuery query, int words)
    {
        var set = new ulong[words];
        var min = query.MinAcceleratorMemoryGb ?? double.NegativeInfinity;
        var max = query.MaxAcceleratorMemoryGb ?? double.PositiveInfinity;
        var withMemory = store.WithMemory;
        for (var w = 0; w < Math.Min(words, withMemory.Length); w++)
        {
            for (var bits = withMemory[w]; bits != 0; bits &= bits - 1)
            {
                var doc = (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(bits);
                var memory = store.MemoryGb(doc);
                if (memory >= min && memory <= max)
                {
                    set[w] |= 1UL << doc;
                }
            }
        }
        return set;
    }
}
