using Marketplace.Abstractions.Solutions;

namespace Marketplace.Grains.Solutions;

public sealed class QuoteBookGrain(
    [PersistentState("quotebook", StorageNames.Default)] IPersistentState<QuoteBookState> state) : Grain, IQuoteBookGrain
{
    public async Task RecordQuoteAsync(QuoteSummary quote)
    {
        state.State.Quotes[quote.Id] = quote;
        await state.WriteStateAsync();
    }

    public async Task RecordOrderAsync(OrderSummary order)
    {
        state.State.Orders[order.Id] = order;
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<QuoteSummary>> QuotesAsync() =>
        Task.FromResult<IReadOnlyList<QuoteSummary>>(state.State.Quotes.Values.OrderByDescending(q => q.IssuedAt).ThenBy(q => q.Id, StringComparer.Ordinal).ToList());

    public Task<IReadOnlyList<OrderSummary>> OrdersAsync() =>
        Task.FromResult<IReadOnlyList<OrderSummary>>(state.State.Orders.Values.OrderByDescending(o => o.PlacedAt).ThenBy(o => o.Id, StringComparer.Ordinal).ToList());
}

[GenerateSerializer, Alias("Marketplace.QuoteBookState")]
public sealed class QuoteBookState
{
    [Id(0)]
    public Dictionary<string, QuoteSummary> Quotes { get; set; } = [];

    [Id(1)]
    public Dictionary<string, OrderSummary> Orders { get; set; } = [];
}
