using Marketplace.Domain.Catalog;

namespace Marketplace.Abstractions.Catalog;

/// <summary>
/// Durable home of the published catalog entries, split over <see cref="ShardCount"/> grains by
/// listing id so no single grain holds (or rewrites) the whole catalog. Every silo rebuilds its
/// in-memory search index from these on start.
/// </summary>
[Alias("Marketplace.ICatalogShardGrain")]
public interface ICatalogShardGrain : IGrainWithIntegerKey
{
    public const int ShardCount = 32;

    [Alias("UpsertAsync")]
    Task UpsertAsync(CatalogEntry entry);

    [Alias("RemoveAsync")]
    Task RemoveAsync(string listingId);

    [Alias("ListAsync")]
    Task<IReadOnlyList<CatalogEntry>> ListAsync();

    /// <summary>A stable hash (FNV-1a): string.GetHashCode differs between processes.</summary>
    public static int ShardOf(string listingId)
    {
        var hash = 2166136261u;
        foreach (var c in listingId)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return (int)(hash % ShardCount);
    }
}

/// <summary>
/// One change to the catalog: a listing's entry to upsert, a listing id to remove, or (with
/// <see cref="Industries"/>, and no listing) the whole industry list replaced.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.CatalogChange")]
public sealed record CatalogChange(
    [property: Id(0)] long Sequence,
    [property: Id(1)] string ListingId,
    [property: Id(2)] CatalogEntry? Entry,
    [property: Id(3)] IReadOnlyList<Industry>? Industries = null);

/// <summary>Changes after a sequence number, or a request to rebuild when they are no longer known.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.CatalogChanges")]
public sealed record CatalogChanges(
    [property: Id(0)] string Epoch,
    [property: Id(1)] long LastSequence,
    [property: Id(2)] IReadOnlyList<CatalogChange> Changes,
    [property: Id(3)] bool RebuildRequired);

/// <summary>
/// Pushes catalog changes to every silo's search index (key: 0). In memory by design: silos
/// long-poll it; when its activation is lost its epoch changes and silos rebuild from the shards.
/// </summary>
[Alias("Marketplace.ICatalogFeedGrain")]
public interface ICatalogFeedGrain : IGrainWithIntegerKey
{
    [Alias("PublishAsync")]
    Task PublishAsync(string listingId, CatalogEntry? entry);

    [Alias("PublishIndustriesAsync")]
    Task PublishIndustriesAsync(IReadOnlyList<Industry> industries);

    /// <summary>Waits up to <paramref name="maxWait"/> for changes after (epoch, sequence).</summary>
    [Alias("WaitForChangesAsync")]
    Task<CatalogChanges> WaitForChangesAsync(string? epoch, long afterSequence, TimeSpan maxWait);
}
