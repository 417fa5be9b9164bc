using Marketplace.Abstractions.Billing;
using Marketplace.Abstractions.Solutions;
using Marketplace.Domain.Billing;
using Marketplace.Domain.Solutions;

namespace Marketplace.Grains.Solutions;

/// <summary>
/// An accepted quote as an order, and its invoicing: what is bought outright at once, what runs
/// for the term one month after another. Invoice ids follow from the order's (month 0 is the upfront
/// one), so every step can be retried: an invoice issued again is the invoice already there.
/// </summary>
public sealed class OrderGrain(
    [PersistentState("order", StorageNames.Default)] IPersistentState<OrderState> state,
    TimeProvider time) : Grain, IOrderGrain, IRemindable
{
    public const int PaymentTermDays = 30;
    private const string BillingReminder = "monthly-billing";

    private OrderState S => state.State;

    public async Task<OrderSnapshot> PlaceAsync(OrderSnapshot order, QuoteVersion version)
    {
        if (S.Order is null)
        {
            S.Order = order with { MeteredLines = Metering.Lines(order.Id, version) };
            S.Version = version;
            await state.WriteStateAsync();
        }
        if (S.Order.MeteredLines is { Count: > 0 } metered)
        {
            await Meter.ConfigureAsync(new MeterSetup(S.Order.OrganizationId, S.Order.Currency, Term, metered));
        }
        if (!S.UpfrontInvoiced)
        {
            await InvoiceAsync(0, InvoiceSchedule.Upfront(S.Version!), "upfront");
            S.UpfrontInvoiced = true;
            await state.WriteStateAsync();
        }
        if ((S.Version!.Lines.Any(l => InvoiceSchedule.IsMonthly(l, S.Version.Requirements.Deployment)) || S.Order.MeteredLines is { Count: > 0 })
            && S.InvoicedMonths < S.Version.Requirements.TermMonths)
        {
            await this.RegisterOrUpdateReminder(BillingReminder, TimeSpan.FromMinutes(1), TimeSpan.FromDays(1));
        }
        return Snapshot();
    }

    public Task<OrderSnapshot?> GetAsync() => Task.FromResult(S.Order is null ? null : Snapshot());

    public async Task<IReadOnlyList<string>> InvoiceDueMonthsAsync()
    {
        if (S.Order is not { } order || S.Version is not { } version)
        {
            return [];
        }
        var issued = new List<string>();
        var term = version.Requirements.TermMonths;
        // Month m is invoiced once it has ended (m months after the order was placed) and late usage had its grace.
        while (S.InvoicedMonths < term && Metering.MayClose(Term, S.InvoicedMonths + 1, time.GetUtcNow()))
        {
            var month = S.InvoicedMonths + 1;
            var usage = order.MeteredLines is { Count: > 0 } metered ? Metering.Rate(metered, await Meter.CloseMonthAsync(month), month) : [];
            if (await InvoiceAsync(month, InvoiceSchedule.Monthly(version, month, usage), $"month {month} of {term}") is { } id)
            {
                issued.Add(id);
            }
            S.InvoicedMonths = month;
            await state.WriteStateAsync();
        }
        if (S.InvoicedMonths >= term && await this.GetReminder(BillingReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
        return issued;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => InvoiceDueMonthsAsync();

    private async Task<string?> InvoiceAsync(int month, IReadOnlyList<InvoiceLine> lines, string what)
    {
        if (lines.Sum(l => l.AmountMinor) == 0)
        {
            return null;
        }
        var order = S.Order!;
        var id = "inv_" + order.Id["ord_".Length..] + "-" + month.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var now = time.GetUtcNow();
        await GrainFactory.GetGrain<IInvoiceGrain>(id).IssueAsync(
            new InvoiceDraft(order.OrganizationId, order.Id, order.Currency, $"{QuoteGrain.Title(S.Version!)}: {what}", lines, now, now.AddDays(PaymentTermDays)));
        if (!S.InvoiceIds.Contains(id))
        {
            S.InvoiceIds.Add(id);
        }
        return id;
    }

    private MeteringTerm Term => new(S.Order!.PlacedAt, S.Version!.Requirements.TermMonths);

    private IUsageMeterGrain Meter => GrainFactory.GetGrain<IUsageMeterGrain>(S.Order!.Id);

    private OrderSnapshot Snapshot() => S.Order! with { InvoiceIds = [.. S.InvoiceIds] };
}

[GenerateSerializer, Alias("Marketplace.OrderState")]
public sealed class OrderState
{
    [Id(0)]
    public OrderSnapshot? Order { get; set; }

    [Id(1)]
    public QuoteVersion? Version { get; set; }

    [Id(2)]
    public bool UpfrontInvoiced { get; set; }

    /// <summary>How many months of the term have been invoiced.</summary>
    [Id(3)]
    public int InvoicedMonths { get; set; }

    [Id(4)]
    public List<string> InvoiceIds { get; set; } = [];
}
