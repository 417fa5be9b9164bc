using System.Text.Json;
using Marketplace.Abstractions.Catalog;
using Marketplace.Abstractions.Serialization;
using Marketplace.Domain.Catalog;

namespace Marketplace.Grains.Catalog;

public sealed class CatalogShardGrain(
    [PersistentState("catalog", StorageNames.Default)] IPersistentState<CatalogShardState> state)
    : Grain, ICatalogShardGrain
{
    public async Task UpsertAsync(CatalogEntry entry)
    {
        // Records holding lists compare lists by reference, so compare what would be stored.
        if (state.State.Entries.TryGetValue(entry.Id, out var known)
            && JsonSerializer.Serialize(known, MarketplaceSerialization.JsonOptions) == JsonSerializer.Serialize(entry, MarketplaceSerialization.JsonOptions))
        {
            return;
        }
        state.State.Entries[entry.Id] = entry;
        await state.WriteStateAsync();
    }

    public async Task RemoveAsync(string listingId)
    {
        if (state.State.Entries.Remove(listingId))
        {
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<CatalogEntry>> ListAsync() =>
        Task.FromResult<IReadOnlyList<CatalogEntry>>(state.State.Entries.Values.ToList());
}

[GenerateSerializer, Alias("Marketplace.CatalogShardState")]
public sealed class CatalogShardState
{
    [Id(0)]
    public Dictionary<string, CatalogEntry> Entries { get; set; } = [];
}
