using Marketplace.Abstractions.Billing;
using Marketplace.Abstractions.Solutions;
using Marketplace.Domain.Billing;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Solutions;
using Marketplace.Domain.Vocabulary;

namespace Marketplace.Grains.Tests;

/// <summary>Metered usage on an order: recorded once, rated into the month's invoice, and never added to an invoiced month.</summary>
[Collection(ClusterCollection.Name)]
public sealed class UsageMeteringGrainTests(ClusterFixture fixture)
{
    private const long Per1k = 4;

    private QuoteVersion UsageVersion() => new()
    {
        Number = 1,
        IssuedAt = fixture.Time.GetUtcNow(),
        ValidUntil = fixture.Time.GetUtcNow() + QuoteRules.Validity,
        Requirements = new SolutionRequirements
        {
            Industry = "manufacturing", Roles = [new SolutionRole("model", "image-classification")], PeakRequestsPerSecond = 10, LatencyP95Ms = 100,
            Deployment = DeploymentOption.Cloud, Region = "DE", TermMonths = 3, Currency = "EUR",
        },
        Models = [new QuotedModel("model", "image-classification", new QuotedListing("lst_m", "ResNet", "1.0.0", "org_m"), SizingBasis.Measured, Bounds.Measured, 100, null, null)],
        Integrator = new QuotedListing("lst_i", "Integrator", "1.0.0", "org_i"),
        Hardware = new QuotedListing("lst_h", "Server", "1.0.0", "org_h"),
        HardwareUnits = 1,
        Currency = "EUR",
        TotalMinor = 5_000 + 9_999,
        Lines =
        [
            new QuoteLine("org_i", "Integrator Co", "lst_i", LineKind.IntegratorFixedFee, "Fee", 5_000, 4_500, 500),
            new QuoteLine("org_m", "Model Co", "lst_m", LineKind.ModelUsage, "ResNet (model): 2,500,000 inferences projected over 3 months", 9_999, 8_999, 1_000,
                new UsagePrice(UsageUnits.Inference, Per1k)),
        ],
        TakeRateBasisPoints = 1000,
        TaxRateBasisPoints = 1900,
        CostPer1kMinor = 1,
        Basis = SizingBasis.Measured,
        BoundBy = Bounds.Measured,
    };

    private async Task<(IOrderGrain Order, OrderSnapshot Snapshot, DateTimeOffset PlacedAt)> PlacedAsync(TimeSpan ago)
    {
        var version = UsageVersion();
        var id = $"ord_{Guid.NewGuid():N}"[..30];
        var placedAt = fixture.Time.GetUtcNow() - ago;
        var order = fixture.Grains.GetGrain<IOrderGrain>(id);
        var snapshot = await order.PlaceAsync(new OrderSnapshot(id, "qte_" + id[4..], 1, $"org_{Guid.NewGuid():N}", "EUR", version.TotalMinor, QuoteRules.OrderLines(version),
            placedAt, "Accepted"), version);
        return (order, snapshot, placedAt);
    }

    private static List<UsageBatchItem> Batch(string lineId, DateTimeOffset at, int count, string prefix = "e", long quantity = 1_000) =>
        Enumerable.Range(0, count).Select(i => new UsageBatchItem(i, new UsageRecord($"{prefix}{i}", lineId, quantity, "inference", at.AddMinutes(i)))).ToList();

    [Fact]
    public async Task The_usage_priced_line_gets_an_id_and_the_order_is_metered_at_the_agreed_price()
    {
        var (_, order, _) = await PlacedAsync(TimeSpan.FromDays(1));

        var line = Assert.Single(order.MeteredLines!);
        Assert.Equal(order.Id + ".2", line.Id);
        Assert.Equal((UsageUnits.Inference, Per1k, "ResNet (model)"), (line.Unit, line.Per1kMinor, line.Description));
        Assert.Equal(order.Id + "-0", Assert.Single(order.InvoiceIds!).Replace("inv_", "ord_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Concurrent_resends_of_a_batch_record_it_once_and_the_months_invoice_rates_the_total()
    {
        var (order, snapshot, placedAt) = await PlacedAsync(TimeSpan.FromDays(40));
        var meter = fixture.Grains.GetGrain<IUsageMeterGrain>(snapshot.Id);
        var line = snapshot.MeteredLines![0].Id;
        var batch = Batch(line, placedAt.AddDays(3), 250);

        var answers = (await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => meter.RecordAsync(new UsageBatch(batch, "tests"))))).Select(a => a.Results).ToList();
        var issued = await order.InvoiceDueMonthsAsync();

        Assert.Equal(250, answers.Sum(a => a.Count(r => r.Outcome == UsageOutcome.Accepted)));
        Assert.Equal(250 * 11, answers.Sum(a => a.Count(r => r.Outcome == UsageOutcome.Duplicate)));
        var invoice = (await fixture.Grains.GetGrain<IInvoiceGrain>(Assert.Single(issued)).GetAsync())!;
        var usage = Assert.Single(invoice.Lines, l => l.PartnerId == "org_m");
        // 250,000 inferences at 4 per 1,000 = 1,000, taxed at 19 % with the rest of the month.
        Assert.Equal(1_000, usage.AmountMinor);
        Assert.Equal(190, invoice.Lines.Single(l => l.IsTax).AmountMinor);
        Assert.Contains("250,000 inferences metered in month 1", usage.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invoiced_month_takes_no_new_record_but_a_resend_of_a_recorded_one_is_a_duplicate()
    {
        var (order, snapshot, placedAt) = await PlacedAsync(TimeSpan.FromDays(40));
        var meter = fixture.Grains.GetGrain<IUsageMeterGrain>(snapshot.Id);
        var line = snapshot.MeteredLines![0].Id;
        await meter.RecordAsync(new UsageBatch(Batch(line, placedAt.AddDays(1), 3), "tests"));
        var issued = Assert.Single(await order.InvoiceDueMonthsAsync());
        var before = (await fixture.Grains.GetGrain<IInvoiceGrain>(issued).GetAsync())!;

        var late = await meter.RecordAsync(new UsageBatch(
        [
            new UsageBatchItem(0, new UsageRecord("e1", line, 1_000, "inference", placedAt.AddDays(1))),
            new UsageBatchItem(1, new UsageRecord("new", line, 1_000, "inference", placedAt.AddDays(2))),
            new UsageBatchItem(2, new UsageRecord("now", line, 1_000, "inference", fixture.Time.GetUtcNow())),
            new UsageBatchItem(3, new UsageRecord("tokens", line, 1_000, "token", fixture.Time.GetUtcNow())),
        ], "tests"));

        Assert.Equal([UsageOutcome.Duplicate, UsageOutcome.Refused, UsageOutcome.Accepted, UsageOutcome.Refused], late.Results.Select(r => r.Outcome));
        Assert.Contains("already invoiced", late.Results[1].Reason, StringComparison.Ordinal);
        Assert.Contains("'unit' must be 'inference'", late.Results[3].Reason, StringComparison.Ordinal);
        Assert.Equal(before.TotalMinor, (await fixture.Grains.GetGrain<IInvoiceGrain>(issued).GetAsync())!.TotalMinor);
        var view = (await meter.GetAsync())!;
        Assert.Equal(1, view.InvoicedMonths);
        Assert.Equal([(1, 3_000L, true), (2, 1_000L, false)], view.Months.Select(m => (m.Month, m.Quantity, m.Invoiced)));
    }

    [Fact]
    public async Task An_order_without_usage_priced_lines_refuses_every_record()
    {
        var id = $"ord_{Guid.NewGuid():N}"[..30];

        var answers = await fixture.Grains.GetGrain<IUsageMeterGrain>(id).RecordAsync(new UsageBatch(Batch(id + ".1", fixture.Time.GetUtcNow(), 2), "tests"));

        Assert.All(answers.Results, a => Assert.Equal(UsageOutcome.Refused, a.Outcome));
    }
}
