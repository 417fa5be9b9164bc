using Marketplace.Domain.Catalog.Indexing;

namespace Marketplace.Domain.Catalog;

/// <summary>
/// The in-memory catalog search index: text, filters, multi-select facets, sorts and paging over
/// published listings. Many searches run at once while one writer keeps it current; a search
/// sees every update whole or not at all.
/// </summary>
/// <remarks>
/// Updates are appended (a replaced or removed entry leaves a dead document behind) and the index
/// is rebuilt from its live entries once dead documents outnumber live ones, so the rebuild cost is
/// spread over as many updates as there are entries. The rebuild happens beside the running
/// searches; they wait only for the swap.
/// </remarks>
public sealed class CatalogIndex
{
    private const int DefaultMinDeadBeforeCompaction = 1024;

    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly Lock _writers = new();
    private readonly int _minDeadBeforeCompaction;
    private IndexStore _store = IndexStore.Build([]);

    public CatalogIndex()
        : this(DefaultMinDeadBeforeCompaction)
    {
    }

    internal CatalogIndex(int minDeadBeforeCompaction)
    {
        _minDeadBeforeCompaction = minDeadBeforeCompaction;
    }

    /// <summary>Live entries.</summary>
    public int Count => Read(store => store.LiveCount);

    /// <summary>Documents kept for removed or replaced entries until the next compaction.</summary>
    internal int DeadCount => Read(store => store.DeadCount);

    /// <summary>Inserts the entry, or replaces the one with the same id.</summary>
    public void Upsert(CatalogEntry entry)
    {
        var prepared = PreparedEntry.From(entry);
        lock (_writers)
        {
            Write(store => store.Upsert(prepared));
            CompactIfWorthIt();
        }
    }

    /// <summary>False when no entry has this id.</summary>
    public bool Remove(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        lock (_writers)
        {
            var removed = false;
            Write(store => removed = store.Remove(id));
            CompactIfWorthIt();
            return removed;
        }
    }

    /// <summary>Makes the index hold exactly these entries; of entries with equal ids the last wins.</summary>
    public void ReplaceAll(IEnumerable<CatalogEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var prepared = entries.Select(PreparedEntry.From).ToList();
        lock (_writers)
        {
            var fresh = IndexStore.Build(prepared);
            Write(_ => _store = fresh);
        }
    }

    public CatalogEntry? Get(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Read(store => store.TryGetDoc(id, out var doc) ? store.Entry(doc) : null);
    }

    /// <summary>The entries with these ids, in the order asked; unknown ids are left out.</summary>
    public IReadOnlyList<CatalogEntry> Get(IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var wanted = ids.ToList();
        return Read(store =>
        {
            var found = new List<CatalogEntry>(wanted.Count);
            foreach (var id in wanted)
            {
                if (id is not null && store.TryGetDoc(id, out var doc))
                {
                    found.Add(store.Entry(doc));
                }
            }
            return found;
        });
    }

    public CatalogResult Search(CatalogQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Read(store => SearchRun.Execute(store, query));
    }

    /// <remarks>Runs under the writer lock, so nothing changes the store while the new one is built from it.</remarks>
    private void CompactIfWorthIt()
    {
        var store = _store;
        if (store.DeadCount < Math.Max(_minDeadBeforeCompaction, store.LiveCount))
        {
            return;
        }
        var fresh = IndexStore.Build(store.LiveEntries().Select(PreparedEntry.From));
        Write(_ => _store = fresh);
    }

    private T Read<T>(Func<IndexStore, T> read)
    {
        _lock.EnterReadLock();
        try
        {
            return read(_store);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    private void Write(Action<IndexStore> write)
    {
        _lock.EnterWriteLock();
        try
        {
            write(_store);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }
}
