using Marketplace.Abstractions.Catalog;
using Marketplace.Domain.Catalog;
using Orleans.Concurrency;

namespace Marketplace.Grains.Catalog;

/// <summary>
/// Reentrant so that many silos can wait here at once while listings publish. Only in-memory
/// state, touched on the grain's own scheduler, so interleaving is safe.
/// </summary>
[Reentrant]
public sealed class CatalogFeedGrain(TimeProvider time) : Grain, ICatalogFeedGrain
{
    private const int Capacity = 10_000;

    private readonly string _epoch = Guid.NewGuid().ToString("N");
    private readonly LinkedList<CatalogChange> _changes = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _sequence;

    public Task PublishAsync(string listingId, CatalogEntry? entry) =>
        Append(new CatalogChange(++_sequence, listingId, entry));

    public Task PublishIndustriesAsync(IReadOnlyList<Industry> industries) =>
        Append(new CatalogChange(++_sequence, "", null, industries));

    private Task Append(CatalogChange change)
    {
        _changes.AddLast(change);
        while (_changes.Count > Capacity)
        {
            _changes.RemoveFirst();
        }
        var changed = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.TrySetResult();
        return Task.CompletedTask;
    }

    public async Task<CatalogChanges> WaitForChangesAsync(string? epoch, long afterSequence, TimeSpan maxWait)
    {
        if (epoch != _epoch || afterSequence > _sequence || (_changes.First is { } oldest && afterSequence < oldest.Value.Sequence - 1))
        {
            return new CatalogChanges(_epoch, _sequence, [], RebuildRequired: true);
        }
        if (afterSequence == _sequence && maxWait > TimeSpan.Zero)
        {
            await Task.WhenAny(_changed.Task, Task.Delay(maxWait, time));
        }
        var changes = _changes.Where(c => c.Sequence > afterSequence).ToList();
        return new CatalogChanges(_epoch, _sequence, changes, RebuildRequired: false);
    }
}
