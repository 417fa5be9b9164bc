using Marketplace.Abstractions.Billing;
using Marketplace.Abstractions.Solutions;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Solutions;

namespace Marketplace.Grains.Tests;

/// <summary>An accepted quote's invoicing: the upfront invoice at once, then one per month of the term.</summary>
[Collection(ClusterCollection.Name)]
public sealed class OrderBillingGrainTests(ClusterFixture fixture)
{
    private QuoteVersion CloudVersion() => new()
    {
        Number = 1,
        IssuedAt = fixture.Time.GetUtcNow(),
        ValidUntil = fixture.Time.GetUtcNow() + QuoteRules.Validity,
        Requirements = new SolutionRequirements
        {
            Industry = "finance", Roles = [new SolutionRole("model", "text-embedding")], PeakRequestsPerSecond = 10, LatencyP95Ms = 100,
            Deployment = DeploymentOption.Cloud, Region = "DE", TermMonths = 3, Currency = "EUR",
        },
        Models = [new QuotedModel("model", "text-embedding", new QuotedListing("lst_m", "Model", "1.0.0", "org_m"), SizingBasis.Measured, Bounds.Measured, 100, null, null)],
        Integrator = new QuotedListing("lst_i", "Integrator", "1.0.0", "org_i"),
        Hardware = new QuotedListing("lst_h", "Server", "1.0.0", "org_h"),
        HardwareUnits = 1,
        Currency = "EUR",
        TotalMinor = 100_001 + 5_000,
        Lines =
        [
            new QuoteLine("org_h", "Hardware Co", "lst_h", LineKind.Hardware, "Server lease", 100_001, 90_001, 10_000),
            new QuoteLine("org_i", "Integrator Co", "lst_i", LineKind.IntegratorFixedFee, "Fee", 5_000, 4_500, 500),
        ],
        TakeRateBasisPoints = 1000,
        TaxRateBasisPoints = 0,
        CostPer1kMinor = 1,
        Basis = SizingBasis.Measured,
        BoundBy = Bounds.Measured,
    };

    private async Task<IOrderGrain> PlacedAsync(TimeSpan ago)
    {
        var version = CloudVersion();
        var id = $"ord_{Guid.NewGuid():N}"[..30];
        var order = fixture.Grains.GetGrain<IOrderGrain>(id);
        await order.PlaceAsync(new OrderSnapshot(id, "qte_" + id[4..], 1, $"org_{Guid.NewGuid():N}", "EUR", version.TotalMinor, QuoteRules.OrderLines(version),
            fixture.Time.GetUtcNow() - ago, "Accepted"), version);
        return order;
    }

    [Fact]
    public async Task Accepting_invoices_the_fee_at_once_and_nothing_monthly_before_a_month_has_passed()
    {
        var quote = fixture.Grains.GetGrain<IQuoteGrain>($"qte_{Guid.NewGuid():N}"[..30]);
        await quote.IssueAsync($"org_{Guid.NewGuid():N}", CloudVersion(), "tests");

        var accepted = await quote.AcceptAsync("tests");
        var upfront = (await fixture.Grains.GetGrain<IInvoiceGrain>(Assert.Single(accepted.InvoiceIds)).GetAsync())!;

        Assert.EndsWith("-0", upfront.Id, StringComparison.Ordinal);
        Assert.Equal(5_000, upfront.TotalMinor);
        Assert.Equal(InvoiceStatus.Open, upfront.Status);
        Assert.Empty(await fixture.Grains.GetGrain<IOrderGrain>(accepted.OrderId).InvoiceDueMonthsAsync());
    }

    [Fact]
    public async Task Each_ended_month_of_the_term_is_invoiced_once_and_the_months_sum_to_the_lease()
    {
        var oneMonthIn = await PlacedAsync(TimeSpan.FromDays(32));
        var termOver = await PlacedAsync(TimeSpan.FromDays(200));

        var first = await oneMonthIn.InvoiceDueMonthsAsync();
        var again = await oneMonthIn.InvoiceDueMonthsAsync();
        var all = await termOver.InvoiceDueMonthsAsync();

        Assert.Single(first);
        Assert.EndsWith("-1", first[0], StringComparison.Ordinal);
        Assert.Empty(again);
        Assert.Equal(3, all.Count);
        var monthly = await Task.WhenAll(all.Select(id => fixture.Grains.GetGrain<IInvoiceGrain>(id).GetAsync()));
        Assert.Equal(100_001, monthly.Sum(i => i!.TotalMinor));
        Assert.Equal(4, (await termOver.GetAsync())!.InvoiceIds!.Count);
        var ledger = await fixture.Grains.GetGrain<ILedgerGrain>("EUR").TrialBalanceAsync();
        Assert.Equal(ledger.Sum(a => a.DebitMinor), ledger.Sum(a => a.CreditMinor));
    }
}
