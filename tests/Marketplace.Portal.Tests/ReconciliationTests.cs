using Bunit;
using Marketplace.Abstractions.Billing;
using Marketplace.Application.Billing;
using Marketplace.Portal.Components.Billing;
using Marketplace.Portal.Pages.Admin;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;

namespace Marketplace.Portal.Tests;

public sealed class ReconciliationTests : PortalTest
{
    public ReconciliationTests()
        : base(new FakeTimeProvider(TestData.At)) => Caller = TestCallers.OperatorOwner;

    private static ReconciliationReport Report(bool configured, int matched, params ReconciliationItem[] mismatches) =>
        new("USD", TestData.At.AddDays(-30), TestData.At, configured, matched, mismatches);

    [Fact]
    public async Task Runs_for_the_chosen_currency_and_period_ending_now()
    {
        Mediator.On<ReconcileLedger>(q => Report(configured: true, matched: 0) with { Currency = q.Currency!, From = q.From!.Value, To = q.To!.Value });
        var page = Render<ReconciliationCard>();

        Assert.Single(page.FindAll("[data-testid='reconciliation-idle']"));
        Assert.Empty(Mediator.SentOf<ReconcileLedger>());
        await page.InvokeAsync(() => page.FindComponent<MudSelect<string>>().Instance.SelectOption("EUR"));
        page.Find("[data-testid='reconciliation-period-choice'][data-days='7']").Click();
        page.Find("button[data-testid='reconciliation-run']").Click();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid='reconciliation-clear']")));
        Assert.Equal(new ReconcileLedger("EUR", TestData.At.AddDays(-7), TestData.At), Mediator.SentOf<ReconcileLedger>().Single());
        Assert.Equal("EUR, 2026-10-26 to 2026-11-02", page.Find("[data-testid='reconciliation-period-text']").TextContent.Trim());
        Assert.Contains("(there were none)", page.Find("[data-testid='reconciliation-clear']").TextContent);
    }

    [Fact]
    public void The_default_is_the_last_30_days_in_USD()
    {
        Mediator.Returns<ReconcileLedger>(Report(configured: true, matched: 12));
        var page = Render<ReconciliationCard>();

        page.Find("button[data-testid='reconciliation-run']").Click();

        page.WaitForAssertion(() => Assert.Equal("12", page.Find("[data-testid='reconciliation-matched']").GetAttribute("data-count")));
        Assert.Equal(new ReconcileLedger("USD", TestData.At.AddDays(-30), TestData.At), Mediator.SentOf<ReconcileLedger>().Single());
        Assert.Equal("12 matched", page.Find("[data-testid='reconciliation-matched']").TextContent.Trim());
        Assert.Contains("All clear: every movement in the period matches the gateway.", page.Find("[data-testid='reconciliation-clear']").TextContent);
        Assert.Empty(page.FindAll("[data-testid='reconciliation-mismatches']"));
    }

    [Fact]
    public void Without_a_gateway_it_says_payments_are_offline_only()
    {
        Mediator.Returns<ReconcileLedger>(Report(configured: false, matched: 0));
        var page = Render<ReconciliationCard>();

        page.Find("button[data-testid='reconciliation-run']").Click();

        page.WaitForAssertion(() => Assert.Contains("No payment gateway configured: offline payments only", page.Find("[data-testid='reconciliation-offline']").TextContent));
        Assert.Empty(page.FindAll("[data-testid='reconciliation-matched']"));
        Assert.Empty(page.FindAll("[data-testid='reconciliation-clear']"));
    }

    [Fact]
    public void Each_mismatch_is_listed_with_both_amounts_and_the_reason()
    {
        Mediator.Returns<ReconcileLedger>(Report(configured: true, matched: 5,
            new ReconciliationItem(nameof(GatewayRecordKind.Charge), "je_7", "ch_1", "inv_7", 1_800_000, 1_700_000, "The amounts differ by 100000 minor units."),
            new ReconciliationItem(nameof(GatewayRecordKind.Transfer), "je_9", null, "je_9", 450_000, 0, "On our ledger, but the gateway has no transfer for je_9 in the period."),
            new ReconciliationItem(nameof(GatewayRecordKind.Refund), null, "re_3", null, 0, 10_000, "At the gateway, but not on our ledger (no invoice or payout reference on it).")));
        var page = Render<ReconciliationCard>();

        page.Find("button[data-testid='reconciliation-run']").Click();

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid='reconciliation-mismatches'] tbody tr").Count));
        Assert.Equal("5", page.Find("[data-testid='reconciliation-matched']").GetAttribute("data-count"));
        Assert.Equal("3 to look into", page.Find("[data-testid='reconciliation-mismatch-count']").TextContent.Trim());
        Assert.Equal(["Charge", "Transfer", "Refund"], page.FindAll("[data-testid='reconciliation-kind']").Select(k => k.TextContent.Trim()));
        Assert.Equal(["inv_7", "je_9", "—"], page.FindAll("[data-testid='reconciliation-reference']").Select(k => k.TextContent.Trim()));
        Assert.Equal("/invoices/inv_7", page.Find("a[data-testid='reconciliation-reference']").GetAttribute("href"));
        Assert.Equal(["USD 18,000.00", "USD 4,500.00", "—"], page.FindAll("[data-testid='reconciliation-ledger-amount']").Select(k => k.TextContent.Trim()));
        Assert.Equal(["USD 17,000.00", "—", "USD 100.00"], page.FindAll("[data-testid='reconciliation-gateway-amount']").Select(k => k.TextContent.Trim()));
        Assert.Contains("The amounts differ", page.FindAll("[data-testid='reconciliation-reason']")[0].TextContent);
        Assert.Empty(page.FindAll("[data-testid='reconciliation-clear']"));
    }

    [Fact]
    public void The_finance_page_offers_reconciliation_without_running_it()
    {
        Mediator.Returns<GetTrialBalance>(BillingTestData.Balance())
            .Returns<ListInvoices>(new List<InvoiceSummary>())
            .Returns<GetUsageByListing>(new List<ListingUsageDay>());
        var page = Render<FinancePage>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid='reconciliation']")));
        Assert.Empty(Mediator.SentOf<ReconcileLedger>());
    }
}
