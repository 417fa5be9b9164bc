using Marketplace.Abstractions.Billing;

namespace Marketplace.Grains.Billing;

public sealed class InvoiceBookGrain(
    [PersistentState("invoicebook", StorageNames.Default)] IPersistentState<InvoiceBookState> state) : Grain, IInvoiceBookGrain
{
    public async Task RecordAsync(InvoiceSummary invoice)
    {
        state.State.Invoices[invoice.Id] = invoice;
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<InvoiceSummary>> ListAsync() =>
        Task.FromResult<IReadOnlyList<InvoiceSummary>>(state.State.Invoices.Values.OrderByDescending(i => i.IssuedAt).ThenBy(i => i.Id, StringComparer.Ordinal).ToList());
}

[GenerateSerializer, Alias("Marketplace.InvoiceBookState")]
public sealed class InvoiceBookState
{
    [Id(0)]
    public Dictionary<string, InvoiceSummary> Invoices { get; set; } = [];
}
