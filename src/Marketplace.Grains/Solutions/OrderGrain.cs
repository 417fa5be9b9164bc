using Marketplace.Abstractions.Solutions;

namespace Marketplace.Grains.Solutions;

public sealed class OrderGrain(
    [PersistentState("order", StorageNames.Default)] IPersistentState<OrderState> state) : Grain, IOrderGrain
{
    /// <summary>Idempotent: an order placed again (an acceptance retried) is the order already there.</summary>
    public async Task<OrderSnapshot> PlaceAsync(OrderSnapshot order)
    {
        if (state.State.Order is { } placed)
        {
            return placed;
        }
        state.State.Order = order;
        await state.WriteStateAsync();
        return order;
    }

    public Task<OrderSnapshot?> GetAsync() => Task.FromResult(state.State.Order);
}

[GenerateSerializer, Alias("Marketplace.OrderState")]
public sealed class OrderState
{
    [Id(0)]
    public OrderSnapshot? Order { get; set; }
}
