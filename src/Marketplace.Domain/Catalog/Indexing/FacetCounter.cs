using Marketplace.Domain.Listings;
using Marketplace.Domain.Money;

namespace Marketplace.Domain.Catalog.Indexing;

/// <summary>
/// Facet counts with multi-select semantics: each facet counts over the documents matching the
/// text and every filter except its own, so a count is the total that choosing the value would give.
/// </summary>
internal static class FacetCounter
{
    public static Dictionary<string, IReadOnlyDictionary<string, int>> Count(
        IndexStore store, CatalogQuery query, ulong[] textMatches, QueryFilters filters, ulong[] allFiltered)
    {
        ulong[] Over(FacetSlot slot) => filters[slot] is null ? allFiltered : AllBut(slot, textMatches, filters);

        var kinds = Over(FacetSlot.Kind);
        var kindCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var kind in Enum.GetValues<ListingKind>())
        {
            kindCounts[CatalogFacets.KindValue(kind)] = Bits.CountAnd(kinds, store.KindDocs(kind));
        }
        return new Dictionary<string, IReadOnlyDictionary<string, int>>(StringComparer.Ordinal)
        {
            [CatalogFacets.Kind] = kindCounts,
            [CatalogFacets.Industry] = ValueCounts(store.Industries, Over(FacetSlot.Industry)),
            [CatalogFacets.Task] = ValueCounts(store.Tasks, Over(FacetSlot.Task)),
            [CatalogFacets.License] = ValueCounts(store.Licenses, Over(FacetSlot.License)),
            [CatalogFacets.Deployment] = ValueCounts(store.Deployments, Over(FacetSlot.Deployment)),
            [CatalogFacets.Region] = RegionCounts(store.Regions, Over(FacetSlot.Region)),
            [CatalogFacets.PriceRange] = PriceRangeCounts(store, query, Over(FacetSlot.PriceRange)),
            [CatalogFacets.AcceleratorMemory] = MemoryCounts(store, Over(FacetSlot.AcceleratorMemory)),
        };
    }

    private static ulong[] AllBut(FacetSlot excluded, ulong[] textMatches, QueryFilters filters)
    {
        var set = (ulong[])textMatches.Clone();
        foreach (var slot in filters.Active)
        {
            if (slot != excluded)
            {
                Bits.And(set, filters[slot]);
            }
        }
        return set;
    }

    private static Dictionary<string, int> ValueCounts(FacetPostings postings, ulong[] over)
    {
        var counts = new List<KeyValuePair<string, int>>();
        foreach (var (value, documents) in postings.Values)
        {
            var count = Bits.CountAnd(over, documents);
            if (count > 0)
            {
                counts.Add(new(value, count));
            }
        }
        return Ordered(counts);
    }

    /// <summary>
    /// The regions some counted entry names, each with the total that filtering by it would give:
    /// its own entries plus the global ones.
    /// </summary>
    private static Dictionary<string, int> RegionCounts(FacetPostings regions, ulong[] over)
    {
        var global = regions.Get(QueryFilters.GlobalRegion);
        var counts = new List<KeyValuePair<string, int>>();
        foreach (var (value, documents) in regions.Values)
        {
            if (Bits.CountAnd(over, documents) > 0)
            {
                counts.Add(new(value, Bits.CountAndEither(over, documents, global)));
            }
        }
        return Ordered(counts);
    }

    private static Dictionary<string, int> PriceRangeCounts(IndexStore store, CatalogQuery query, ulong[] over)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var currencyId = QueryFilters.QueryCurrencyId(store, query);
        if (currencyId < 0 || !Currency.IsSupported(query.Currency?.ToUpperInvariant()))
        {
            return counts;
        }
        for (var range = 0; range < CatalogFacetBuckets.PriceRanges.Count; range++)
        {
            AddIfAny(counts, CatalogFacetBuckets.PriceRanges[range].Label, Bits.CountAnd(over, store.PriceRangeDocs(currencyId, range)));
        }
        return counts;
    }

    private static Dictionary<string, int> MemoryCounts(IndexStore store, ulong[] over)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var range = 0; range < CatalogFacetBuckets.AcceleratorMemory.Count; range++)
        {
            AddIfAny(counts, CatalogFacetBuckets.AcceleratorMemory[range].Label, Bits.CountAnd(over, store.MemoryRangeDocs(range)));
        }
        return counts;
    }

    private static void AddIfAny(Dictionary<string, int> counts, string label, int count)
    {
        if (count > 0)
        {
            counts[label] = count;
        }
    }

    /// <summary>Most frequent first, so a client that shows the first few shows the useful ones.</summary>
    private static Dictionary<string, int> Ordered(List<KeyValuePair<string, int>> counts) =>
        counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
            .ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
}
