using Marketplace.Abstractions.Catalog;

namespace Marketplace.Grains.Catalog;

public sealed class SeedStateGrain(
    [PersistentState("seed", StorageNames.Default)] IPersistentState<SeedState> state) : Grain, ISeedStateGrain
{
    public Task<string?> GetAppliedDigestAsync() => Task.FromResult(state.State.AppliedDigest);

    public async Task SetAppliedDigestAsync(string digest)
    {
        if (state.State.AppliedDigest != digest)
        {
            state.State.AppliedDigest = digest;
            await state.WriteStateAsync();
        }
    }
}

[GenerateSerializer, Alias("Marketplace.SeedState")]
public sealed class SeedState
{
    [Id(0)]
    public string? AppliedDigest { get; set; }
}
