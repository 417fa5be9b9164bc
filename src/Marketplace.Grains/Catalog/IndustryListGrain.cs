using System.Text.Json;
using Marketplace.Abstractions.Catalog;
using Marketplace.Abstractions.Serialization;
using Marketplace.Domain.Catalog;

namespace Marketplace.Grains.Catalog;

public sealed class IndustryListGrain(
    [PersistentState("industries", StorageNames.Default)] IPersistentState<IndustryListState> state) : Grain, IIndustryListGrain
{
    public Task<IReadOnlyList<Industry>> ListAsync() => Task.FromResult<IReadOnlyList<Industry>>(state.State.Industries);

    public async Task ReplaceAsync(IReadOnlyList<Industry> industries)
    {
        // Records holding lists compare lists by reference, so compare what would be stored.
        if (JsonSerializer.Serialize(state.State.Industries, MarketplaceSerialization.JsonOptions) == JsonSerializer.Serialize(industries, MarketplaceSerialization.JsonOptions))
        {
            return;
        }
        state.State.Industries = [.. industries];
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<ICatalogFeedGrain>(0).PublishIndustriesAsync(industries);
    }
}

[GenerateSerializer, Alias("Marketplace.IndustryListState")]
public sealed class IndustryListState
{
    [Id(0)]
    public List<Industry> Industries { get; set; } = [];
}
