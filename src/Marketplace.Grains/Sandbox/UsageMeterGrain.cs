using Marketplace.Abstractions.Sandbox;
using Marketplace.Domain.Sandbox;

namespace Marketplace.Grains.Sandbox;

public sealed class UsageMeterGrain(
    [PersistentState("usage", StorageNames.Default)] IPersistentState<UsageMeterState> state) : Grain, IUsageMeterGrain
{
    public async Task<bool> RecordAsync(UsageEvent usage)
    {
        if (state.State.Events.Any(e => e.Id == usage.Id))
        {
            return false;
        }
        state.State.Events.Add(usage);
        await state.WriteStateAsync();
        return true;
    }

    public Task<IReadOnlyList<UsageEvent>> ListAsync(DateTimeOffset? since) =>
        Task.FromResult<IReadOnlyList<UsageEvent>>(state.State.Events.Where(e => since is null || e.At >= since).ToList());
}

[GenerateSerializer, Alias("Marketplace.UsageMeterState")]
public sealed class UsageMeterState
{
    [Id(0)]
    public List<UsageEvent> Events { get; set; } = [];
}
