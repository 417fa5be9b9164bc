using Marketplace.Domain.Listings;

namespace Marketplace.Domain.Catalog.Indexing;

/// <summary>
/// The index data: documents under dense integer ids, a posting list per token, a bitset per facet
/// value and per-document sort keys. Ids are never reused: replacing an entry removes its old
/// document and appends a new one, so every list stays sorted by appending. Not thread-safe:
/// <see cref="CatalogIndex"/> guards it.
/// </summary>
internal sealed class IndexStore
{
    private const int InitialCapacity = 64;

    private readonly Dictionary<string, int> _docById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PostingList> _postings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _currencyIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _nameIdsByName = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<ulong[]> _pricedIn = [];
    private readonly List<ulong[][]> _priceRanges = [];
    private List<string> _sortedTerms = [];
    private bool _bulkLoading;
    private ulong[] _live = [];
    private ulong[] _withMemory = [];
    private readonly ulong[][] _memoryRanges = NewBitsets(CatalogFacetBuckets.AcceleratorMemory.Count);
    private readonly ulong[][] _kinds = NewBitsets(Enum.GetValues<ListingKind>().Length);

    private CatalogEntry?[] _entries = new CatalogEntry?[InitialCapacity];
    private long[] _publishedTicks = new long[InitialCapacity];
    private ulong[] _nameKeys = new ulong[InitialCapacity];
    private int[] _nameIds = new int[InitialCapacity];
    private long[] _priceMinor = new long[InitialCapacity];
    private int[] _priceCurrency = new int[InitialCapacity];
    private double[] _memoryGb = new double[InitialCapacity];

    /// <summary>One past the highest document id handed out.</summary>
    public int DocLimit { get; private set; }

    public int LiveCount { get; private set; }

    public int DeadCount => DocLimit - LiveCount;

    public FacetPostings Industries { get; } = new();

    public FacetPostings Tasks { get; } = new();

    public FacetPostings Licenses { get; } = new();

    public FacetPostings Deployments { get; } = new();

    public FacetPostings Regions { get; } = new();

    public ReadOnlySpan<ulong> Live => _live;

    public ReadOnlySpan<ulong> WithMemory => _withMemory;

    public ReadOnlySpan<ulong> KindDocs(ListingKind kind) => (uint)kind < (uint)_kinds.Length ? _kinds[(int)kind] : [];

    public ReadOnlySpan<ulong> MemoryRangeDocs(int range) => _memoryRanges[range];

    public CatalogEntry Entry(int doc) => _entries[doc]!;

    public long PublishedTicks(int doc) => _publishedTicks[doc];

    public ulong NameKey(int doc) => _nameKeys[doc];

    /// <summary>Equal for names equal ignoring case: many listings share a name, and comparing equal strings in full is the slow case.</summary>
    public int NameId(int doc) => _nameIds[doc];

    public long PriceMinor(int doc) => _priceMinor[doc];

    /// <summary>The id of the currency a document is priced in, -1 when it has no price.</summary>
    public int PriceCurrency(int doc) => _priceCurrency[doc];

    public double MemoryGb(int doc) => _memoryGb[doc];

    public PostingList? Postings(string token) => _postings.GetValueOrDefault(token);

    /// <summary>-1 when no document has ever been priced in it.</summary>
    public int CurrencyId(string upperCaseCode) => _currencyIds.GetValueOrDefault(upperCaseCode, -1);

    public ReadOnlySpan<ulong> PricedInDocs(int currencyId) => _pricedIn[currencyId];

    public ReadOnlySpan<ulong> PriceRangeDocs(int currencyId, int range) => _priceRanges[currencyId][range];

    public bool TryGetDoc(string id, out int doc) => _docById.TryGetValue(id, out doc);

    public IEnumerable<CatalogEntry> LiveEntries()
    {
        for (var doc = 0; doc < DocLimit; doc++)
        {
            if (_entries[doc] is { } entry)
            {
                yield return entry;
            }
        }
    }

    /// <summary>Indexed tokens that start with <paramref name="prefix"/>, found in the sorted term list.</summary>
    public IEnumerable<PostingList> PostingsWithPrefix(string prefix)
    {
        var at = _sortedTerms.BinarySearch(prefix, StringComparer.Ordinal);
        for (var i = at >= 0 ? at : ~at; i < _sortedTerms.Count && _sortedTerms[i].StartsWith(prefix, StringComparison.Ordinal); i++)
        {
            yield return _postings[_sortedTerms[i]];
        }
    }

    /// <summary>A fresh store holding <paramref name="entries"/> (the last of equal ids wins), built with one sort of the term list.</summary>
    public static IndexStore Build(IEnumerable<PreparedEntry> entries)
    {
        var store = new IndexStore { _bulkLoading = true };
        foreach (var entry in entries)
        {
            store.Upsert(entry);
        }
        store._sortedTerms = [.. store._postings.Keys];
        store._sortedTerms.Sort(StringComparer.Ordinal);
        store._bulkLoading = false;
        return store;
    }

    public void Upsert(PreparedEntry prepared)
    {
        Remove(prepared.Entry.Id);
        var doc = DocLimit;
        EnsureCapacity(doc + 1);
        DocLimit++;
        LiveCount++;
        var entry = prepared.Entry;
        _docById[entry.Id] = doc;
        _entries[doc] = entry;
        _publishedTicks[doc] = entry.PublishedAt.UtcTicks;
        _nameKeys[doc] = NameSortKey.Of(entry.Name);
        _nameIds[doc] = NameIdOf(entry.Name);
        Bits.Set(ref _live, doc);
        Bits.Set(ref _kinds[(int)entry.Kind], doc);
        AddTerms(prepared, doc);
        AddFacets(prepared, doc);
        AddPrice(prepared, doc);
        AddMemory(entry, prepared.AcceleratorMemoryIndex, doc);
    }

    public bool Remove(string id)
    {
        if (!_docById.Remove(id, out var doc))
        {
            return false;
        }
        _entries[doc] = null;
        Bits.Clear(_live, doc);
        LiveCount--;
        return true;
    }

    private int NameIdOf(string name)
    {
        if (!_nameIdsByName.TryGetValue(name, out var id))
        {
            id = _nameIdsByName.Count;
            _nameIdsByName.Add(name, id);
        }
        return id;
    }

    private void AddTerms(PreparedEntry prepared, int doc)
    {
        foreach (var (token, weight) in prepared.Terms)
        {
            if (!_postings.TryGetValue(token, out var postings))
            {
                postings = new PostingList();
                _postings.Add(token, postings);
                if (!_bulkLoading)
                {
                    _sortedTerms.Insert(~_sortedTerms.BinarySearch(token, StringComparer.Ordinal), token);
                }
            }
            postings.Append(doc, weight);
        }
    }

    private void AddFacets(PreparedEntry prepared, int doc)
    {
        foreach (var value in prepared.Industries)
        {
            Industries.Add(value, doc);
        }
        foreach (var value in prepared.Deployments)
        {
            Deployments.Add(value, doc);
        }
        foreach (var value in prepared.Regions)
        {
            Regions.Add(value, doc);
        }
        if (prepared.Task is { } task)
        {
            Tasks.Add(task, doc);
        }
        if (prepared.License is { } license)
        {
            Licenses.Add(license, doc);
        }
    }

    private void AddPrice(PreparedEntry prepared, int doc)
    {
        if (prepared.PricedIn is not { } currency)
        {
            _priceCurrency[doc] = -1;
            return;
        }
        if (!_currencyIds.TryGetValue(currency, out var currencyId))
        {
            currencyId = _currencyIds.Count;
            _currencyIds.Add(currency, currencyId);
            _pricedIn.Add([]);
            _priceRanges.Add(NewBitsets(CatalogFacetBuckets.PriceRanges.Count));
        }
        _priceCurrency[doc] = currencyId;
        _priceMinor[doc] = prepared.Entry.PriceMinor!.Value;
        var pricedIn = _pricedIn[currencyId];
        Bits.Set(ref pricedIn, doc);
        _pricedIn[currencyId] = pricedIn;
        if (prepared.PriceRangeIndex >= 0)
        {
            Bits.Set(ref _priceRanges[currencyId][prepared.PriceRangeIndex], doc);
        }
    }

    private void AddMemory(CatalogEntry entry, int range, int doc)
    {
        if (entry.AcceleratorMemoryGb is not { } memory)
        {
            return;
        }
        _memoryGb[doc] = memory;
        Bits.Set(ref _withMemory, doc);
        if (range >= 0)
        {
            Bits.Set(ref _memoryRanges[range], doc);
        }
    }

    private void EnsureCapacity(int documents)
    {
        if (documents <= _entries.Length)
        {
            return;
        }
        var capacity = Math.Max(documents, _entries.Length * 2);
        Array.Resize(ref _entries, capacity);
        Array.Resize(ref _publishedTicks, capacity);
        Array.Resize(ref _nameKeys, capacity);
        Array.Resize(ref _nameIds, capacity);
        Array.Resize(ref _priceMinor, capacity);
        Array.Resize(ref _priceCurrency, capacity);
        Array.Resize(ref _memoryGb, capacity);
    }

    private static ulong[][] NewBitsets(int count) => Enumerable.Range(0, count).Select(_ => Array.Empty<ulong>()).ToArray();
}
