namespace Marketplace.Domain.Catalog.Indexing;

/// <summary>One search over a store: text, then filters, then facets and the requested page.</summary>
internal static class SearchRun
{
    public static CatalogResult Execute(IndexStore store, CatalogQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var words = Bits.WordsFor(store.DocLimit);
        var text = TextMatch.For(store, CatalogText.Tokenize(query.Text), words);

        var textMatches = new ulong[words];
        store.Live[..Math.Min(words, store.Live.Length)].CopyTo(textMatches);
        text.Restrict(textMatches);

        var filters = QueryFilters.For(store, query, words);
        var matches = (ulong[])textMatches.Clone();
        foreach (var slot in filters.Active)
        {
            Bits.And(matches, filters[slot]);
        }
        var total = Bits.Count(matches);
        var facets = FacetCounter.Count(store, query, textMatches, filters, matches);
        return new CatalogResult(total, Page(store, query, text, matches, total), facets);
    }

    private static List<CatalogHit> Page(IndexStore store, CatalogQuery query, TextMatch text, ulong[] matches, int total)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, CatalogQuery.MaxPageSize);
        var skip = (Math.Max(query.Page, 1) - 1L) * pageSize;
        if (skip >= total)
        {
            return [];
        }
        var k = (int)Math.Min(skip + pageSize, total);
        Func<int, double>? score = text.HasWords ? text.Score : null;
        var ranked = query.Sort switch
        {
            CatalogSort.Relevance when text.HasWords => TopK.Select(matches, k, new RelevanceOrder(store), score),
            CatalogSort.PriceAscending => TopK.Select(matches, k, new PriceOrder(store, QueryFilters.QueryCurrencyId(store, query), descending: false), null),
            CatalogSort.PriceDescending => TopK.Select(matches, k, new PriceOrder(store, QueryFilters.QueryCurrencyId(store, query), descending: true), null),
            CatalogSort.Name => TopK.Select(matches, k, new NameOrder(store), null),
            _ => TopK.Select(matches, k, new NewestOrder(store), null),
        };
        var hits = new List<CatalogHit>(k - (int)skip);
        for (var i = (int)skip; i < ranked.Length; i++)
        {
            var doc = ranked[i].Doc;
            var entry = store.Entry(doc);
            hits.Add(new CatalogHit(entry.Id, entry.Kind, entry.Name, entry.PartnerName, entry.Summary, entry.PriceMinor, entry.Currency,
                score?.Invoke(doc) ?? 0, entry.PriceField));
        }
        return hits;
    }
}
