using Bunit;
using Marketplace.Abstractions.Billing;
using Marketplace.Abstractions.Errors;
using Marketplace.Application.Billing;
using Marketplace.Domain.Billing;
using Marketplace.Domain.Organizations;
using Marketplace.Portal.Pages.Admin;
using Marketplace.Portal.Pages.Billing;
using Microsoft.Extensions.Time.Testing;

namespace Marketplace.Portal.Tests;

public sealed class BillingPagesTests : PortalTest
{
    /// <summary>The invoice pages read the clock (overdue or not): the day <see cref="BillingTestData.Invoice"/> was issued.</summary>
    public BillingPagesTests()
        : base(new FakeTimeProvider(TestData.At))
    {
        Caller = TestCallers.Customer;
        Mediator.Returns<GetPaymentOptions>(new PaymentOptions(CardPayments: false));
    }

    [Fact]
    public void An_operator_voids_an_unpaid_invoice_with_a_reason()
    {
        Caller = TestCallers.OperatorOwner;
        Mediator.Returns<GetInvoice>(BillingTestData.Invoice())
            .On<VoidInvoice>(c => BillingTestData.Invoice() with { Status = InvoiceStatus.Void, VoidReason = c.Reason });
        var page = Render<InvoicePage>(p => p.Add(i => i.InvoiceId, "inv_1"));

        page.WaitForElement("button[data-testid='invoice-void']").Click();
        page.WaitForElement("textarea[data-testid='reason-dialog-text'], input[data-testid='reason-dialog-text']").Input("issued twice");
        page.Find("button[data-testid='reason-dialog-confirm']").Click();

        page.WaitForAssertion(() => Assert.Contains("issued twice", page.Find("[data-testid='invoice-void-reason']").TextContent, StringComparison.Ordinal));
        Assert.Equal(new VoidInvoice("inv_1", "issued twice"), Mediator.SentOf<VoidInvoice>().Single());
        Assert.Empty(page.FindAll("button[data-testid='invoice-void']"));
    }

    [Fact]
    public void A_customer_pays_an_open_invoice_by_card_when_card_payments_are_configured()
    {
        Mediator.Returns<GetInvoice>(BillingTestData.Invoice())
            .Returns<GetPaymentOptions>(new PaymentOptions(CardPayments: true))
            .Returns<StartCheckout>(new CheckoutPage("https://checkout.stripe.com/c/pay/cs_test_1"));
        var page = Render<InvoicePage>(p => p.Add(i => i.InvoiceId, "inv_1"));

        page.WaitForElement("button[data-testid='invoice-pay-card']").Click();

        page.WaitForAssertion(() => Assert.Equal("https://checkout.stripe.com/c/pay/cs_test_1", Navigation.Uri));
        Assert.Equal("inv_1", Mediator.SentOf<StartCheckout>().Single().InvoiceId);
        Assert.NotEmpty(page.FindAll("[data-testid='invoice-bank-instructions']"));
    }

    [Fact]
    public void Operators_see_every_organisations_invoices_and_can_filter_them_by_status()
    {
        Caller = TestCallers.OperatorOwner;
        Navigation.NavigateTo("/invoices?status=Open");
        Mediator.Returns<ListInvoices>(new List<InvoiceSummary> { BillingTestData.Summary("inv_1", "org_customer"), BillingTestData.Summary("inv_2", "org_other") });
        var page = Render<InvoicesPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid='invoices-table'] tbody tr").Count));
        Assert.Equal("Open", Mediator.SentOf<ListInvoices>().Single().Status);
        Assert.Equal(["org_customer", "org_other"], page.FindAll("[data-testid='invoice-organization']").Select(c => c.TextContent.Trim()));
        Assert.Equal("/invoices/inv_2", page.FindAll("a[data-testid='invoice-link']")[1].GetAttribute("href"));
        Assert.Equal("USD 18,000.00", page.FindAll("[data-testid='invoice-due']")[0].TextContent.Trim());
    }

    [Fact]
    public void Customers_see_their_invoices_without_an_organisation_column()
    {
        Mediator.Returns<ListInvoices>(new List<InvoiceSummary> { BillingTestData.Summary("inv_1", "org_customer", InvoiceStatus.Paid) });
        var page = Render<InvoicesPage>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid='invoices-table'] tbody tr")));
        Assert.Null(Mediator.SentOf<ListInvoices>().Single().Status);
        Assert.Empty(page.FindAll("[data-testid='invoice-organization']"));
        Assert.Equal("Paid", page.Find("[data-testid='invoice-status']").GetAttribute("data-status"));
    }

    [Fact]
    public void No_invoices_reads_as_an_empty_state()
    {
        Mediator.Returns<ListInvoices>(new List<InvoiceSummary>());
        var page = Render<InvoicesPage>();

        page.WaitForAssertion(() => Assert.Contains("No invoices here", page.Find("[data-testid='empty-state']").TextContent));
    }

    [Fact]
    public void An_open_invoice_lists_its_lines_summing_to_its_total_and_tells_the_customer_how_to_pay()
    {
        Mediator.Returns<GetInvoice>(BillingTestData.Invoice());
        var page = Render<InvoicePage>(p => p.Add(i => i.InvoiceId, "inv_1"));

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid='invoice-lines-row']").Count));
        Assert.Equal("USD 18,000.00", page.Find("[data-testid='invoice-lines-total']").TextContent.Trim());
        Assert.Equal("USD 18,000.00", page.Find("[data-testid='invoice-total']").TextContent.Trim());
        Assert.Equal("USD 18,000.00", page.Find("[data-testid='invoice-amount-due']").TextContent.Trim());
        Assert.Equal(["false", "false", "true"], page.FindAll("[data-testid='invoice-lines-row']").Select(r => r.GetAttribute("data-tax")!));
        Assert.Single(page.FindAll("[data-testid='invoice-line-tax']"));
        Assert.Equal("Open", page.Find("[data-testid='invoice-status']").GetAttribute("data-status"));
        Assert.Equal("2026-12-02", page.Find("[data-testid='invoice-due-at']").TextContent.Trim());
        Assert.Equal("/api/v1/invoices/inv_1/pdf", page.Find("a[data-testid='invoice-pdf']").GetAttribute("href"));
        Assert.Equal("Marketplace Ltd", page.Find("[data-testid='invoice-bank-payee']").TextContent.Trim());
        Assert.Equal("inv_1", page.Find("[data-testid='invoice-bank-reference']").TextContent.Trim());
        Assert.Equal("USD 18,000.00", page.Find("[data-testid='invoice-bank-amount']").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid='invoice-pay-form']"));
        Assert.Empty(page.FindAll("[data-testid='invoice-refund-form']"));
    }

    [Fact]
    public void A_paid_invoice_shows_its_payment_and_no_bank_instructions()
    {
        Mediator.Returns<GetInvoice>(BillingTestData.Invoice(InvoiceStatus.Paid, BillingTestData.TotalMinor));
        var page = Render<InvoicePage>(p => p.Add(i => i.InvoiceId, "inv_1"));

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid='invoice-payment']")));
        Assert.Contains("TRF-1", page.Find("[data-testid='invoice-payment']").TextContent);
        Assert.Equal("USD 0.00", page.Find("[data-testid='invoice-amount-due']").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid='invoice-bank-instructions']"));
    }

    [Fact]
    public void An_operator_records_a_transfer_in_major_units_and_the_invoice_reads_paid()
    {
        Caller = TestCallers.OperatorOwner;
        Mediator.Returns<GetInvoice>(BillingTestData.Invoice())
            .On<RecordPayment>(c => BillingTestData.Invoice(c.AmountMinor == BillingTestData.TotalMinor ? InvoiceStatus.Paid : InvoiceStatus.Open, c.AmountMinor!.Value));
        var page = Render<InvoicePage>(p => p.Add(i => i.InvoiceId, "inv_1"));

        Assert.Equal("18000.00", page.WaitForElement("input[data-testid='invoice-pay-amount']").GetAttribute("value"));
        Assert.Empty(page.FindAll("[data-testid='invoice-bank-instructions']"));
        page.Find("input[data-testid='invoice-pay-amount']").Input("18,000.00");
        page.Find("input[data-testid='invoice-pay-reference']").Change("TRF-2026-1102");
        page.Find("button[data-testid='invoice-pay-submit']").Click();

        page.WaitForAssertion(() => Assert.Equal("Paid", page.Find("[data-testid='invoice-status']").GetAttribute("data-status")));
        Assert.Equal(new RecordPayment("inv_1", PaymentMethods.Offline, 1_800_000, "TRF-2026-1102"), Mediator.SentOf<RecordPayment>().Single());
        Assert.Equal("USD 18,000.00", page.Find("[data-testid='invoice-paid']").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid='invoice-pay-form']"));
        Assert.Single(page.FindAll("[data-testid='invoice-refund-form']"));
    }

    [Fact]
    public void A_part_payment_is_sent_in_exact_minor_units_and_the_form_is_prefilled_with_what_is_still_due()
    {
        Caller = TestCallers.OperatorOwner;
        Mediator.Returns<GetInvoice>(BillingTestData.Invoice())
            .On<RecordPayment>(c => BillingTestData.Invoice(InvoiceStatus.Open, c.AmountMinor!.Value));
        var page = Render<InvoicePage>(p => p.Add(i => i.InvoiceId, "inv_1"));

        page.WaitForElement("input[data-testid='invoice-pay-amount']").Input("5,000.25");
        page.Find("input[data-testid='invoice-pay-reference']").Change("TRF-A");
        page.Find("button[data-testid='invoice-pay-submit']").Click();

        page.WaitForAssertion(() => Assert.Equal("12999.75", page.Find("input[data-testid='invoice-pay-amount']").GetAttribute("value")));
        Assert.Equal(500_025, Mediator.SentOf<RecordPayment>().Single().AmountMinor);
        Assert.Equal("USD 12,999.75", page.Find("[data-testid='invoice-amount-due']").TextContent.Trim());
    }

    [Fact]
    public void A_typed_amount_that_is_not_an_amount_blocks_recording()
    {
        Caller = TestCallers.OperatorOwner;
        Mediator.Returns<GetInvoice>(BillingTestData.Invoice());
        var page = Render<InvoicePage>(p => p.Add(i => i.InvoiceId, "inv_1"));

        page.WaitForElement("input[data-testid='invoice-pay-amount']").Input("18000.001");

        page.WaitForAssertion(() => Assert.Contains("at most 2", page.Find("[data-testid='invoice-pay-form']").TextContent));
        Assert.True(page.Find("button[data-testid='invoice-pay-submit']").HasAttribute("disabled"));
    }

    [Fact]
    public void A_validation_problem_from_recording_shows_on_its_field()
    {
        Caller = TestCallers.OperatorOwner;
        Mediator.Returns<GetInvoice>(BillingTestData.Invoice())
            .Throws<RecordPayment>(new RequestValidationException("reference", "'reference' must not be empty."));
        var page = Render<InvoicePage>(p => p.Add(i => i.InvoiceId, "inv_1"));

        page.WaitForElement("button[data-testid='invoice-pay-submit']").Click();

        page.WaitForAssertion(() => Assert.Contains("'reference' must not be empty.", page.Find("[data-testid='invoice-pay-form']").TextContent));
        Assert.Empty(page.FindAll("[data-testid='error-alert']"));
        Assert.Null(Mediator.SentOf<RecordPayment>().Single().Reference);
    }

    [Fact]
    public void A_conflict_from_recording_shows_in_the_forms_alert()
    {
        Caller = TestCallers.OperatorOwner;
        Mediator.Returns<GetInvoice>(BillingTestData.Invoice())
            .Throws<RecordPayment>(new ConflictException("invoice.overpaid", "USD 20,000.00 is more than the USD 18,000.00 due."));
        var page = Render<InvoicePage>(p => p.Add(i => i.InvoiceId, "inv_1"));

        page.WaitForElement("input[data-testid='invoice-pay-amount']").Input("20000");
        page.Find("input[data-testid='invoice-pay-reference']").Change("TRF-B");
        page.Find("button[data-testid='invoice-pay-submit']").Click();

        page.WaitForAssertion(() => Assert.Contains("more than the USD 18,000.00 due", page.Find("[data-testid='invoice-pay-form'] [data-testid='error-alert']").TextContent));
        Assert.Equal("Open", page.Find("[data-testid='invoice-status']").GetAttribute("data-status"));
    }

    [Fact]
    public void An_operator_refunds_part_of_a_paid_invoice_with_a_reason()
    {
        Caller = TestCallers.OperatorOwner;
        Mediator.Returns<GetInvoice>(BillingTestData.Invoice(InvoiceStatus.Paid, BillingTestData.TotalMinor))
            .On<RefundInvoice>(c => BillingTestData.Invoice(InvoiceStatus.Paid, BillingTestData.TotalMinor, c.AmountMinor!.Value));
        var page = Render<InvoicePage>(p => p.Add(i => i.InvoiceId, "inv_1"));

        page.WaitForElement("input[data-testid='invoice-refund-amount']").Input("100");
        page.Find("textarea[data-testid='invoice-refund-reason']").Change("Damaged unit");
        page.Find("button[data-testid='invoice-refund-submit']").Click();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid='invoice-refund']")));
        Assert.Equal(new RefundInvoice("inv_1", 10_000, "Damaged unit"), Mediator.SentOf<RefundInvoice>().Single());
        Assert.Equal("USD 100.00", page.Find("[data-testid='invoice-refunded']").TextContent.Trim());
        Assert.Contains("Damaged unit", page.Find("[data-testid='invoice-refund']").TextContent);
    }

    [Fact]
    public void Another_organisations_invoice_reads_as_missing()
    {
        Mediator.Throws<GetInvoice>(new NotFoundException("Invoice", "inv_x"));
        var page = Render<InvoicePage>(p => p.Add(i => i.InvoiceId, "inv_x"));

        page.WaitForAssertion(() => Assert.Contains("No such invoice", page.Markup));
    }

    [Fact]
    public void A_partner_sees_what_it_earned_by_month_and_every_movement()
    {
        Caller = TestCallers.PartnerOwner;
        Mediator.Returns<GetPartnerEarnings>(BillingTestData.Ledger());
        var page = Render<EarningsPage>();

        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("[data-testid='earnings-line']").Count));
        Assert.Equal(new GetPartnerEarnings(TestCallers.PartnerId, "USD"), Mediator.SentOf<GetPartnerEarnings>().Single());
        Assert.Equal("USD 4,500.00", page.Find("[data-testid='earnings-payable'] [data-testid='stat-value']").TextContent.Trim());
        Assert.Equal("USD 3,000.00", page.Find("[data-testid='earnings-pending'] [data-testid='stat-value']").TextContent.Trim());
        Assert.Equal("USD 8,000.00", page.Find("[data-testid='earnings-paid-out'] [data-testid='stat-value']").TextContent.Trim());
        Assert.NotEmpty(page.FindAll("[data-testid='earnings-chart'] svg"));
        Assert.Contains("2026-10", page.Find("[data-testid='earnings-chart']").TextContent);
        Assert.Contains("2026-11", page.Find("[data-testid='earnings-chart']").TextContent);
        Assert.Equal("USD -8,000.00", page.FindAll("[data-testid='earnings-line-amount']")[0].TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid='earnings-payout']"));
    }

    [Fact]
    public void Earnings_by_month_sum_what_came_in_and_what_went_out_with_quiet_months_between()
    {
        var lines = new List<EarningLine>
        {
            new("je_1", TestData.At.AddMonths(-3), "Invoice paid", 900_000, 900_000),
            new("je_2", TestData.At, "Invoice paid", 450_000, 1_350_000),
            new("je_3", TestData.At.AddDays(8), "Refund", -100_000, 1_250_000),
            new("je_4", TestData.At.AddDays(18), "Payout", -800_000, 450_000),
            new("je_5", TestData.At.AddDays(20), "Invoice paid", 1, 450_001),
        };

        var months = Marketplace.Portal.Components.Billing.EarningMonth.Of(lines);

        Assert.Equal(
            [new("2026-08", 900_000, 0), new("2026-09", 0, 0), new("2026-10", 0, 0), new("2026-11", 450_001, 900_000)],
            months);
    }

    [Fact]
    public void The_currency_in_the_address_is_the_ledger_shown()
    {
        Caller = TestCallers.PartnerOwner;
        Navigation.NavigateTo("/partner/earnings?currency=EUR&partner=org_someone_else");
        Mediator.Returns<GetPartnerEarnings>(BillingTestData.Ledger(currency: "EUR"));
        var page = Render<EarningsPage>();

        page.WaitForAssertion(() => Assert.Equal("EUR 4,500.00", page.Find("[data-testid='earnings-payable'] [data-testid='stat-value']").TextContent.Trim()));
        Assert.Equal(new GetPartnerEarnings(TestCallers.PartnerId, "EUR"), Mediator.SentOf<GetPartnerEarnings>().Single());
    }

    [Fact]
    public void An_operator_pays_a_partner_out_with_a_fresh_idempotency_key()
    {
        Caller = TestCallers.OperatorOwner;
        Navigation.NavigateTo("/partner/earnings?partner=org_hw");
        Mediator.On<GetPartnerEarnings>(q => BillingTestData.Ledger(q.OrganizationId))
            .Returns<PayOutPartner>(new PayoutView("je_9", "org_hw", "USD", 450_000, TestData.At));
        var page = Render<EarningsPage>();

        page.WaitForElement("button[data-testid='earnings-payout']").Click();
        page.WaitForElement("button[data-testid='confirm-dialog-confirm']").Click();

        page.WaitForAssertion(() => Assert.Equal("paid", page.Find("[data-testid='earnings-payout-result']").GetAttribute("data-outcome")));
        var payout = Mediator.SentOf<PayOutPartner>().Single();
        Assert.Equal(("org_hw", "USD"), (payout.OrganizationId, payout.Currency));
        Assert.True(Guid.TryParse(payout.IdempotencyKey, out _));
        Assert.Contains("USD 4,500.00", page.Find("[data-testid='earnings-payout-result']").TextContent);
        Assert.Equal(["org_hw", "org_hw"], Mediator.SentOf<GetPartnerEarnings>().Select(q => q.OrganizationId));
    }

    [Fact]
    public void Paying_out_a_partner_owed_nothing_says_so()
    {
        Caller = TestCallers.OperatorOwner;
        Navigation.NavigateTo("/partner/earnings?partner=org_hw");
        Mediator.On<GetPartnerEarnings>(q => BillingTestData.Ledger(q.OrganizationId))
            .Returns<PayOutPartner>(null!);
        var page = Render<EarningsPage>();

        page.WaitForElement("button[data-testid='earnings-payout']").Click();
        page.WaitForElement("button[data-testid='confirm-dialog-confirm']").Click();

        page.WaitForAssertion(() => Assert.Equal("nothing-due", page.Find("[data-testid='earnings-payout-result']").GetAttribute("data-outcome")));
        Assert.Contains("Nothing is due", page.Find("[data-testid='earnings-payout-result']").TextContent);
    }

    [Fact]
    public void Only_an_owner_of_the_operator_may_pay_out()
    {
        Caller = TestCallers.OperatorOwner with { Role = MemberRole.Member };
        Navigation.NavigateTo("/partner/earnings?partner=org_hw");
        Mediator.On<GetPartnerEarnings>(q => BillingTestData.Ledger(q.OrganizationId));
        var page = Render<EarningsPage>();

        page.WaitForAssertion(() => Assert.True(page.Find("button[data-testid='earnings-payout']").HasAttribute("disabled")));
    }

    [Fact]
    public void Earnings_are_explained_away_to_a_customer()
    {
        var page = Render<EarningsPage>();

        page.WaitForAssertion(() => Assert.Contains("Earnings are for partner organisations", page.Find("[data-testid='empty-state']").TextContent));
        Assert.Empty(Mediator.SentOf<GetPartnerEarnings>());
    }

    [Fact]
    public void The_finance_page_shows_a_balanced_trial_balance_with_totals_per_currency_and_the_open_invoices()
    {
        Caller = TestCallers.OperatorOwner;
        Mediator.Returns<GetTrialBalance>(BillingTestData.Balance())
            .Returns<ListInvoices>(new List<InvoiceSummary> { BillingTestData.Summary("inv_1", "org_customer") })
            .Returns<GetUsageByListing>(new List<ListingUsageDay>());
        var page = Render<FinancePage>();

        page.WaitForAssertion(() => Assert.Equal("true", page.Find("[data-testid='trial-balance-status']").GetAttribute("data-balanced")));
        Assert.Equal("Open", Mediator.SentOf<ListInvoices>().Single().Status);
        Assert.Equal(["EUR", "USD"], page.FindAll("[data-testid='trial-balance-currency']").Select(g => g.GetAttribute("data-currency")!));
        var usd = page.Find("[data-testid='trial-balance-currency'][data-currency='USD']");
        Assert.Equal("USD 18,000.00", usd.QuerySelector("[data-testid='trial-balance-debit-total']")!.TextContent.Trim());
        Assert.Equal("USD 18,000.00", usd.QuerySelector("[data-testid='trial-balance-credit-total']")!.TextContent.Trim());
        Assert.Equal(7, page.FindAll("[data-testid='trial-balance-row']").Count);
        Assert.Equal("/invoices/inv_1", page.Find("a[data-testid='finance-open-invoice']").GetAttribute("href"));
    }

    [Fact]
    public void An_unbalanced_currency_is_flagged()
    {
        Caller = TestCallers.OperatorOwner;
        Mediator.Returns<GetTrialBalance>(BillingTestData.Balance(receivableDebitMinor: 1_700_000))
            .Returns<ListInvoices>(new List<InvoiceSummary>())
            .Returns<GetUsageByListing>(new List<ListingUsageDay>());
        var page = Render<FinancePage>();

        page.WaitForAssertion(() => Assert.Equal("false", page.Find("[data-testid='trial-balance-status']").GetAttribute("data-balanced")));
        Assert.Equal("false", page.Find("[data-testid='trial-balance-currency'][data-currency='USD'] [data-testid='trial-balance-currency-status']").GetAttribute("data-balanced"));
        Assert.Equal("true", page.Find("[data-testid='trial-balance-currency'][data-currency='EUR'] [data-testid='trial-balance-currency-status']").GetAttribute("data-balanced"));
        Assert.Single(page.FindAll("[data-testid='finance-no-open-invoices']"));
    }
}
