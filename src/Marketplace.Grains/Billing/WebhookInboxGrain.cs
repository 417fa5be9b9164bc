using Marketplace.Abstractions.Billing;

namespace Marketplace.Grains.Billing;

public sealed class WebhookInboxGrain(
    [PersistentState("webhook", StorageNames.Default)] IPersistentState<WebhookInboxState> state) : Grain, IWebhookInboxGrain
{
    public Task<string?> HandledAsync() => Task.FromResult(state.State.Outcome);

    public async Task MarkAsync(string outcome)
    {
        state.State.Outcome ??= outcome;
        await state.WriteStateAsync();
    }
}

[GenerateSerializer, Alias("Marketplace.WebhookInboxState")]
public sealed class WebhookInboxState
{
    [Id(0)]
    public string? Outcome { get; set; }
}
