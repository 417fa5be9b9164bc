using Marketplace.Abstractions.Catalog;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Marketplace.Application.Catalog.Search;

/// <summary>
/// Keeps this silo's search index and industry list equal to the published catalog: a full load
/// from the catalog shards and the industry list at start (and whenever the feed says it lost
/// track), then changes as the feed pushes them (a long poll answers the moment a listing is
/// published or the industries are reloaded).
/// </summary>
public sealed partial class CatalogIndexSynchronizer(
    IGrainFactory grains,
    CatalogSearchIndex search,
    IndustryCatalog industries,
    ILogger<CatalogIndexSynchronizer> logger) : BackgroundService
{
    private static readonly TimeSpan LongPoll = TimeSpan.FromSeconds(10);

    /// <summary>Completes once the first full load is in the index.</summary>
    public Task Ready => _ready.Task;

    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var feed = grains.GetGrain<ICatalogFeedGrain>(0);
        string? epoch = null;
        long sequence = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var changes = await feed.WaitForChangesAsync(epoch, sequence, epoch is null ? TimeSpan.Zero : LongPoll);
                if (changes.RebuildRequired)
                {
                    // Read the position first: changes made while the shards are read are replayed, never lost.
                    await RebuildAsync();
                    (epoch, sequence) = (changes.Epoch, changes.LastSequence);
                    _ready.TrySetResult();
                    continue;
                }
                foreach (var change in changes.Changes)
                {
                    if (change.Industries is { } list)
                    {
                        industries.Replace(list);
                    }
                    else if (change.Entry is { } entry)
                    {
                        search.Index.Upsert(entry);
                    }
                    else
                    {
                        search.Index.Remove(change.ListingId);
                    }
                }
                sequence = changes.LastSequence;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogFeedFailed(e);
                epoch = null;
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task RebuildAsync()
    {
        var industryList = grains.GetGrain<IIndustryListGrain>(0).ListAsync();
        var shards = await Task.WhenAll(Enumerable.Range(0, ICatalogShardGrain.ShardCount)
            .Select(shard => grains.GetGrain<ICatalogShardGrain>(shard).ListAsync()));
        search.Index.ReplaceAll(shards.SelectMany(s => s));
        industries.Replace(await industryList);
        LogRebuilt(search.Index.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalog search index loaded: {Count} published listings")]
    private partial void LogRebuilt(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catalog feed unavailable; rebuilding the index when it answers again")]
    private partial void LogFeedFailed(Exception exception);
}
