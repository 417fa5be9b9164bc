using Marketplace.Abstractions.Billing;
using Marketplace.Domain.Billing;

namespace Marketplace.Grains.Billing;

/// <summary>
/// An order's usage meter. Records go straight to the usage store (one transaction a batch; the
/// store's key de-duplicates them); the grain only holds the order's lines, its term and how many
/// months are closed, and being one activation it orders "record" against "close" so no record
/// lands in a month after that month's invoice was issued.
/// </summary>
public sealed class UsageMeterGrain(
    [PersistentState("meter", StorageNames.Default)] IPersistentState<UsageMeterState> state,
    IMeteredUsageStore store,
    TimeProvider time) : Grain, IUsageMeterGrain
{
    private UsageMeterState S => state.State;

    private string OrderId => this.GetPrimaryKeyString();

    public async Task ConfigureAsync(MeterSetup setup)
    {
        if (S.Setup is null)
        {
            S.Setup = setup;
            await state.WriteStateAsync();
        }
    }

    public async Task<UsageAnswers> RecordAsync(UsageBatch batch)
    {
        var (records, reporter) = (batch.Items, batch.Reporter);
        var results = new UsageRecordResult?[records.Count];
        var candidates = new List<(int Slot, UsageBatchItem Item, MeteredLine Line)>();
        var lateIds = new List<(int Slot, UsageBatchItem Item, string Reason)>();
        var now = time.GetUtcNow();
        for (var slot = 0; slot < records.Count; slot++)
        {
            var item = records[slot];
            if (S.Setup is not { } setup)
            {
                results[slot] = UsageRecordResult.Refused(item.Index, item.Record.Id, "the order has no usage-priced lines");
                continue;
            }
            var line = setup.Lines.FirstOrDefault(l => string.Equals(l.Id, item.Record.OrderLineId?.Trim(), StringComparison.Ordinal));
            if (Metering.Refusal(item.Record, line, setup.Term, S.ClosedMonths, now) is not { } reason)
            {
                candidates.Add((slot, item, line!));
            }
            else if (line is not null && IsOnlyLate(item.Record, line, setup, now))
            {
                lateIds.Add((slot, item, reason));
            }
            else
            {
                results[slot] = UsageRecordResult.Refused(item.Index, item.Record.Id, reason);
            }
        }
        var recorded = await store.AppendAsync(
            candidates.Select(c => new MeteredUsage(OrderId, c.Item.Record.Id!, c.Line.Id, c.Line.ListingId, c.Line.Unit, c.Item.Record.Quantity!.Value, c.Item.Record.At!.Value, now, reporter)).ToList(),
            CancellationToken.None);
        for (var i = 0; i < candidates.Count; i++)
        {
            var (slot, item, _) = candidates[i];
            results[slot] = new UsageRecordResult(item.Index, item.Record.Id, recorded[i] ? UsageOutcome.Accepted : UsageOutcome.Duplicate, null);
        }
        await AnswerLateAsync(lateIds, results);
        return new UsageAnswers(results.Select(r => r!).ToList());
    }

    public async Task<IReadOnlyDictionary<string, long>> CloseMonthAsync(int month)
    {
        var setup = S.Setup ?? throw new InvalidOperationException($"Meter {OrderId} is not configured.");
        if (month > S.ClosedMonths)
        {
            // Closed (durably) before the month is read, so nothing can be added to what is invoiced.
            S.ClosedMonths = month;
            await state.WriteStateAsync();
        }
        return await store.QuantitiesAsync(OrderId, setup.Term.MonthStart(month), setup.Term.MonthStart(month + 1), CancellationToken.None);
    }

    public async Task<MeterView?> GetAsync()
    {
        if (S.Setup is not { } setup)
        {
            return null;
        }
        var months = new List<MeteredMonth>();
        var now = time.GetUtcNow();
        for (var month = 1; month <= setup.Term.Months && setup.Term.MonthStart(month) <= now; month++)
        {
            var quantities = await store.QuantitiesAsync(OrderId, setup.Term.MonthStart(month), setup.Term.MonthStart(month + 1), CancellationToken.None);
            months.AddRange(setup.Lines.Where(l => quantities.ContainsKey(l.Id)).Select(l =>
                new MeteredMonth(month, l.Id, quantities[l.Id], UsageRating.AmountMinor(quantities[l.Id], l.Per1kMinor), month <= S.ClosedMonths)));
        }
        return new MeterView(setup.OrganizationId, setup.Currency, setup.Term, setup.Lines, S.ClosedMonths, months);
    }

    // A record whose only fault is a closed month may be a resend of one recorded before the month
    // closed: that is a duplicate (a no-op), not a refusal.
    private static bool IsOnlyLate(UsageRecord record, MeteredLine line, MeterSetup setup, DateTimeOffset now) =>
        Metering.Refusal(record, line, setup.Term, invoicedMonths: 0, now) is null;

    private async Task AnswerLateAsync(List<(int Slot, UsageBatchItem Item, string Reason)> late, UsageRecordResult?[] results)
    {
        if (late.Count == 0)
        {
            return;
        }
        var existing = await store.ExistingAsync(OrderId, late.Select(l => l.Item.Record.Id!).ToList(), CancellationToken.None);
        foreach (var (slot, item, reason) in late)
        {
            results[slot] = existing.Contains(item.Record.Id!)
                ? new UsageRecordResult(item.Index, item.Record.Id, UsageOutcome.Duplicate, null)
                : UsageRecordResult.Refused(item.Index, item.Record.Id, reason);
        }
    }
}

[GenerateSerializer, Alias("Marketplace.UsageMeterState")]
public sealed class UsageMeterState
{
    [Id(0)]
    public MeterSetup? Setup { get; set; }

    /// <summary>Months 1 to this are invoiced and take no more records.</summary>
    [Id(1)]
    public int ClosedMonths { get; set; }
}
