namespace Marketplace.Domain.Catalog.Indexing;

/// <summary>A document competing for a place on the page, with its text score when the order needs it.</summary>
internal readonly record struct Candidate(int Doc, double Score);

/// <summary>
/// The result orders as struct comparers, so top-k selection is specialised per order by the JIT.
/// Every order ends on the id, so equal keys still give one stable order across pages.
/// </summary>
internal interface IHitOrder : IComparer<Candidate>;

internal readonly struct NewestOrder(IndexStore store) : IHitOrder
{
    public int Compare(Candidate a, Candidate b)
    {
        var byTime = store.PublishedTicks(b.Doc).CompareTo(store.PublishedTicks(a.Doc));
        return byTime != 0 ? byTime : string.CompareOrdinal(store.Entry(a.Doc).Id, store.Entry(b.Doc).Id);
    }
}

internal readonly struct RelevanceOrder(IndexStore store) : IHitOrder
{
    public int Compare(Candidate a, Candidate b)
    {
        var byScore = b.Score.CompareTo(a.Score);
        return byScore != 0 ? byScore : new NewestOrder(store).Compare(a, b);
    }
}

/// <remarks>
/// Entries are only dereferenced when the per-document arrays cannot decide: on a 100,000-entry
/// page walk, touching every candidate's record costs more than all the comparisons.
/// </remarks>
internal readonly struct NameOrder(IndexStore store) : IHitOrder
{
    public int Compare(Candidate a, Candidate b)
    {
        if (NameSortKey.TryCompare(store.NameKey(a.Doc), store.NameKey(b.Doc), out var byKey))
        {
            return byKey;
        }
        var x = store.Entry(a.Doc);
        var y = store.Entry(b.Doc);
        var byName = store.NameId(a.Doc) == store.NameId(b.Doc) ? 0 : string.Compare(x.Name, y.Name, StringComparison.OrdinalIgnoreCase);
        return byName != 0 ? byName : string.CompareOrdinal(x.Id, y.Id);
    }
}

/// <summary>
/// By price in the query's currency; entries without a price in it (none at all, or another
/// currency, which cannot be compared) come last. Equal prices go by name, then id.
/// </summary>
internal readonly struct PriceOrder(IndexStore store, int currencyId, bool descending) : IHitOrder
{
    public int Compare(Candidate a, Candidate b)
    {
        var aPriced = store.PriceCurrency(a.Doc) == currencyId && currencyId >= 0;
        var bPriced = store.PriceCurrency(b.Doc) == currencyId && currencyId >= 0;
        if (aPriced != bPriced)
        {
            return aPriced ? -1 : 1;
        }
        if (aPriced)
        {
            var byPrice = store.PriceMinor(a.Doc).CompareTo(store.PriceMinor(b.Doc));
            if (byPrice != 0)
            {
                return descending ? -byPrice : byPrice;
            }
        }
        return new NameOrder(store).Compare(a, b);
    }
}
