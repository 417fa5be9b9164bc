using System.Globalization;
using Marketplace.Abstractions.Billing;
using Marketplace.Abstractions.Solutions;
using Marketplace.Domain.Billing;

namespace Marketplace.Grains.Billing;

/// <summary>
/// Paid sandbox trials of one organisation. Every charge is written before it is answered (it is
/// money), and an ended month is invoiced once, model by model at the take rate of the day, rounded
/// once per model; the invoice id follows from the month, so a retry finds the invoice issued.
/// </summary>
public sealed class TrialSpendGrain(
    [PersistentState("trial-spend", StorageNames.Default)] IPersistentState<TrialSpendState> state,
    TimeProvider time) : Grain, ITrialSpendGrain, IRemindable
{
    private const string BillingReminder = "trial-billing";

    private bool _billingScheduled;

    private TrialSpendState S => state.State;

    private string OrganizationId => this.GetPrimaryKeyString();

    public async Task<TrialSpendView> SetCapAsync(SpendCap? cap, string actor)
    {
        S.Cap = cap is { MonthlyCapMinor: > 0 } ? cap : null;
        S.CapSetBy = actor;
        await state.WriteStateAsync();
        return View();
    }

    public Task<TrialSpendView> GetAsync() => Task.FromResult(View());

    public async Task<SpendDecision> ChargeAsync(TrialCharge charge)
    {
        var month = Month(SpendCaps.MonthOf(time.GetUtcNow()));
        if (month.TrialIds.Contains(charge.TrialId))
        {
            return new SpendDecision(true, null, null, SpendCaps.SpentMinor(month.SpentMilliMinor), S.Cap?.MonthlyCapMinor, charge.Currency);
        }
        var decision = SpendCaps.Decide(S.Cap, month.SpentMilliMinor, charge);
        if (!decision.Allowed)
        {
            return decision;
        }
        month.TrialIds.Add(charge.TrialId);
        month.SpentMilliMinor += charge.CostMilliMinor;
        var key = charge.ListingId + "@" + charge.Per1kMinor.ToString(CultureInfo.InvariantCulture);
        month.Models[key] = month.Models.TryGetValue(key, out var line)
            ? line with { Inferences = line.Inferences + charge.Inferences }
            : new ModelSpend(charge.ListingId, charge.ModelName, charge.PartnerId, charge.PartnerName, charge.Currency, charge.Per1kMinor, charge.Inferences);
        await state.WriteStateAsync();
        if (!_billingScheduled)
        {
            // Once an activation: re-registering on every paid trial would write the reminder table each time.
            await this.RegisterOrUpdateReminder(BillingReminder, TimeSpan.FromMinutes(1), TimeSpan.FromDays(1));
            _billingScheduled = true;
        }
        return decision;
    }

    public async Task<IReadOnlyList<string>> InvoiceEndedMonthsAsync()
    {
        var current = SpendCaps.MonthOf(time.GetUtcNow());
        var issued = new List<string>();
        foreach (var (name, month) in S.Months.Where(m => string.CompareOrdinal(m.Key, current) < 0 && !m.Value.Invoiced).OrderBy(m => m.Key).ToList())
        {
            // One invoice per currency (a cap's currency can change within a month).
            foreach (var currency in month.Models.Values.Select(m => m.Currency).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                if (await InvoiceAsync(name, currency, month.Models.Values.Where(m => m.Currency == currency).ToList()) is { } id)
                {
                    issued.Add(id);
                }
            }
            month.Invoiced = true;
            await state.WriteStateAsync();
        }
        return issued;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => InvoiceEndedMonthsAsync();

    private async Task<string?> InvoiceAsync(string name, string currency, IReadOnlyList<ModelSpend> models)
    {
        var takeRate = (await GrainFactory.GetGrain<IPlatformTermsGrain>(0).GetAsync()).TakeRateBasisPoints;
        var lines = models
            .Select(m => new InvoiceLine(m.PartnerId, m.PartnerName, $"Sandbox trials of {m.ModelName} in {name}: {m.Inferences:N0} inferences beyond the free quota",
                UsageRating.AmountMinor(m.Inferences, m.Per1kMinor), takeRate, false))
            .Where(l => l.AmountMinor > 0)
            .ToList();
        if (lines.Count == 0)
        {
            return null;
        }
        var id = $"inv_trials-{OrganizationId["org_".Length..]}-{name.Replace("-", "", StringComparison.Ordinal)}-{currency.ToLowerInvariant()}";
        var now = time.GetUtcNow();
        await GrainFactory.GetGrain<IInvoiceGrain>(id).IssueAsync(
            new InvoiceDraft(OrganizationId, null, currency, $"Paid sandbox trials, {name}", lines, now, now.AddDays(Solutions.OrderGrain.PaymentTermDays)));
        if (!S.InvoiceIds.Contains(id))
        {
            S.InvoiceIds.Add(id);
        }
        return id;
    }

    private MonthSpend Month(string name)
    {
        if (!S.Months.TryGetValue(name, out var month))
        {
            S.Months[name] = month = new MonthSpend();
        }
        return month;
    }

    private TrialSpendView View()
    {
        var name = SpendCaps.MonthOf(time.GetUtcNow());
        var month = S.Months.GetValueOrDefault(name) ?? new MonthSpend();
        return new TrialSpendView(S.Cap, name, SpendCaps.SpentMinor(month.SpentMilliMinor), month.TrialIds.Count,
            month.Models.Values.Select(m => new TrialSpendLine(m.ListingId, m.ModelName, m.Inferences, m.Per1kMinor, UsageRating.AmountMinor(m.Inferences, m.Per1kMinor), m.Currency)).ToList(),
            [.. S.InvoiceIds]);
    }
}

[GenerateSerializer, Alias("Marketplace.TrialSpendState")]
public sealed class TrialSpendState
{
    [Id(0)]
    public SpendCap? Cap { get; set; }

    [Id(1)]
    public string? CapSetBy { get; set; }

    /// <summary>By calendar month, "yyyy-MM".</summary>
    [Id(2)]
    public Dictionary<string, MonthSpend> Months { get; set; } = [];

    [Id(3)]
    public List<string> InvoiceIds { get; set; } = [];
}

[GenerateSerializer, Alias("Marketplace.MonthSpend")]
public sealed class MonthSpend
{
    [Id(0)]
    public HashSet<string> TrialIds { get; set; } = [];

    /// <summary>Thousandths of a minor unit: price per 1,000 × inferences, never rounded per trial.</summary>
    [Id(1)]
    public long SpentMilliMinor { get; set; }

    /// <summary>By listing and the price it was tried at.</summary>
    [Id(2)]
    public Dictionary<string, ModelSpend> Models { get; set; } = [];

    [Id(3)]
    public bool Invoiced { get; set; }
}

[GenerateSerializer, Immutable, Alias("Marketplace.ModelSpend")]
public sealed record ModelSpend(
    [property: Id(0)] string ListingId,
    [property: Id(1)] string ModelName,
    [property: Id(2)] string PartnerId,
    [property: Id(3)] string PartnerName,
    [property: Id(4)] string Currency,
    [property: Id(5)] long Per1kMinor,
    [property: Id(6)] long Inferences);
