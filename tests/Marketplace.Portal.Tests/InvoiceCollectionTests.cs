using Bunit;
using Marketplace.Abstractions.Billing;
using Marketplace.Abstractions.Errors;
using Marketplace.Application.Billing;
using Marketplace.Portal.Pages.Billing;
using Microsoft.Extensions.Time.Testing;

namespace Marketplace.Portal.Tests;

/// <summary>Credit notes, overdue reminders and write-offs on the invoice pages, on a clock 12 days past the invoice's due date.</summary>
public sealed class InvoiceCollectionTests : PortalTest
{
    /// <summary>12 days after <see cref="BillingTestData.Invoice"/>'s due date (2026-12-02 09:30 UTC).</summary>
    private static readonly DateTimeOffset Now = TestData.At.AddDays(30 + 12);

    private static readonly InvoiceCreditNote Goodwill = new("CN-1-1", 100_050, "Goodwill for the late delivery", TestData.At.AddDays(10), "Olga Operator");

    private static readonly OverdueReminder FirstReminder = new(TestData.At.AddDays(37), 7, BillingTestData.TotalMinor - Goodwill.AmountMinor);

    public InvoiceCollectionTests()
        : base(new FakeTimeProvider(Now))
    {
        Caller = TestCallers.OperatorOwner;
        Mediator.Returns<GetPaymentOptions>(new PaymentOptions(CardPayments: false));
    }

    private static InvoiceSnapshot Credited() => BillingTestData.Invoice() with { CreditNotes = [Goodwill], Reminders = [FirstReminder] };

    [Fact]
    public void An_operator_issues_a_credit_note_in_major_units_and_the_page_shows_the_note_and_what_is_still_due()
    {
        Mediator.Returns<GetInvoice>(BillingTestData.Invoice())
            .On<CreditInvoice>(c => BillingTestData.Invoice() with { CreditNotes = [new InvoiceCreditNote("CN-1-1", c.AmountMinor!.Value, c.Reason!, Now, "Olga Operator")] });
        var page = Render<InvoicePage>(p => p.Add(i => i.InvoiceId, "inv_1"));

        page.WaitForElement("button[data-testid='invoice-credit']").Click();
        Assert.Equal("USD 18,000.00", page.WaitForElement("[data-testid='credit-note-max']").TextContent.Trim());
        page.Find("input[data-testid='credit-note-amount']").Input("1,000.50");
        page.Find("textarea[data-testid='credit-note-reason']").Input("Goodwill for the late delivery");
        page.Find("button[data-testid='credit-note-confirm']").Click();

        page.WaitForAssertion(() => Assert.Contains("CN-1-1", page.Find("[data-testid='invoice-credit-result']").TextContent));
        Assert.Equal(new CreditInvoice("inv_1", 100_050, "Goodwill for the late delivery"), Mediator.SentOf<CreditInvoice>().Single());
        Assert.Contains("USD 1,000.50", page.Find("[data-testid='invoice-credit-result']").TextContent);
        Assert.Empty(page.FindAll("[data-testid='credit-note-dialog']"));
        Assert.Equal("USD 1,000.50", page.Find("[data-testid='invoice-credited']").TextContent.Trim());
        Assert.Equal("USD 16,999.50", page.Find("[data-testid='invoice-amount-due']").TextContent.Trim());
        Assert.Equal("CN-1-1", page.Find("[data-testid='invoice-credit-note-number']").TextContent.Trim());
        Assert.Equal("USD -1,000.50", page.Find("[data-testid='invoice-credit-note-amount']").TextContent.Trim());
        Assert.Equal("16999.50", page.Find("input[data-testid='invoice-pay-amount']").GetAttribute("value"));
        // A credited invoice cannot be voided.
        Assert.Empty(page.FindAll("button[data-testid='invoice-void']"));
    }

    [Fact]
    public void A_credit_note_above_what_is_due_or_without_a_reason_cannot_be_sent()
    {
        Mediator.Returns<GetInvoice>(BillingTestData.Invoice());
        var page = Render<InvoicePage>(p => p.Add(i => i.InvoiceId, "inv_1"));

        page.WaitForElement("button[data-testid='invoice-credit']").Click();
        page.WaitForElement("input[data-testid='credit-note-amount']").Input("18,000.01");
        page.Find("textarea[data-testid='credit-note-reason']").Input("Too much");

        page.WaitForAssertion(() => Assert.Contains("At most USD 18,000.00 is still due.", page.Find("[data-testid='credit-note-dialog']").TextContent));
        Assert.True(page.Find("button[data-testid='credit-note-confirm']").HasAttribute("disabled"));

        page.Find("input[data-testid='credit-note-amount']").Input("100");
        page.Find("textarea[data-testid='credit-note-reason']").Input("  ");

        page.WaitForAssertion(() => Assert.True(page.Find("button[data-testid='credit-note-confirm']").HasAttribute("disabled")));
        page.Find("input[data-testid='credit-note-amount']").Input("0");
        page.WaitForAssertion(() => Assert.Contains("Enter an amount above zero.", page.Find("[data-testid='credit-note-dialog']").TextContent));
        Assert.Empty(Mediator.SentOf<CreditInvoice>());
    }

    [Fact]
    public void A_refused_credit_note_keeps_the_dialog_open_with_the_reason()
    {
        Mediator.Returns<GetInvoice>(BillingTestData.Invoice())
            .Throws<CreditInvoice>(new ConflictException("invoice.credit_exceeds_due", "USD 100.00 is more than the USD 50.00 still due."));
        var page = Render<InvoicePage>(p => p.Add(i => i.InvoiceId, "inv_1"));

        page.WaitForElement("button[data-testid='invoice-credit']").Click();
        page.WaitForElement("input[data-testid='credit-note-amount']").Input("100");
        page.Find("textarea[data-testid='credit-note-reason']").Input("Goodwill");
        page.Find("button[data-testid='credit-note-confirm']").Click();

        page.WaitForAssertion(() => Assert.Contains("more than the USD 50.00 still due", page.Find("[data-testid='credit-note-dialog'] [data-testid='error-alert']").TextContent));
        Assert.Empty(page.FindAll("[data-testid='invoice-credit-result']"));
    }

    [Fact]
    public void An_overdue_invoice_shows_how_late_it_is_its_reminders_and_its_credit_notes()
    {
        Mediator.Returns<GetInvoice>(Credited());
        var page = Render<InvoicePage>(p => p.Add(i => i.InvoiceId, "inv_1"));

        var overdue = page.WaitForElement("[data-testid='invoice-overdue']");
        Assert.Equal(("12", "Overdue · 12 days"), (overdue.GetAttribute("data-days"), overdue.TextContent.Trim()));
        var reminder = page.Find("[data-testid='invoice-reminder']");
        Assert.Contains("2026-12-09", reminder.TextContent);
        Assert.Equal("7 days past due", page.Find("[data-testid='invoice-reminder-days']").TextContent.Trim());
        Assert.Equal("USD 16,999.50 was still due", page.Find("[data-testid='invoice-reminder-due']").TextContent.Trim());
        Assert.Equal("2026-11-12", page.Find("[data-testid='invoice-credit-note-date']").TextContent.Trim());
        Assert.Contains("Goodwill for the late delivery", page.Find("[data-testid='invoice-credit-note-reason']").TextContent);
        Assert.Equal("USD -1,000.50", page.Find("[data-testid='invoice-credit-notes-total']").TextContent.Trim());
        Assert.Single(page.FindAll("button[data-testid='invoice-uncollectible']"));
        Assert.Single(page.FindAll("button[data-testid='invoice-credit']"));
    }

    [Fact]
    public void Customers_see_credit_notes_and_the_overdue_chip_without_the_operators_buttons()
    {
        Caller = TestCallers.Customer;
        Mediator.Returns<GetInvoice>(Credited());
        var page = Render<InvoicePage>(p => p.Add(i => i.InvoiceId, "inv_1"));

        page.WaitForAssertion(() => Assert.Equal("12", page.Find("[data-testid='invoice-overdue']").GetAttribute("data-days")));
        Assert.Equal("CN-1-1", page.Find("[data-testid='invoice-credit-note-number']").TextContent.Trim());
        Assert.Single(page.FindAll("[data-testid='invoice-reminder']"));
        Assert.Equal("USD 16,999.50", page.Find("[data-testid='invoice-bank-amount']").TextContent.Trim());
        Assert.Empty(page.FindAll("button[data-testid='invoice-credit']"));
        Assert.Empty(page.FindAll("button[data-testid='invoice-uncollectible']"));
        Assert.Empty(page.FindAll("button[data-testid='invoice-void']"));
    }

    [Fact]
    public void An_invoice_not_yet_due_has_no_overdue_chip_and_cannot_be_written_off()
    {
        Mediator.Returns<GetInvoice>(BillingTestData.Invoice() with { DueAt = Now.AddHours(1) });
        var page = Render<InvoicePage>(p => p.Add(i => i.InvoiceId, "inv_1"));

        page.WaitForElement("button[data-testid='invoice-credit']");
        Assert.Empty(page.FindAll("[data-testid='invoice-overdue']"));
        Assert.Empty(page.FindAll("button[data-testid='invoice-uncollectible']"));
        Assert.Empty(page.FindAll("[data-testid='invoice-reminders']"));
        Assert.Empty(page.FindAll("[data-testid='invoice-credit-notes']"));
        Assert.Equal("USD 0.00", page.Find("[data-testid='invoice-credited']").TextContent.Trim());
    }

    [Fact]
    public void An_operator_writes_off_an_overdue_invoice_with_a_reason()
    {
        Mediator.Returns<GetInvoice>(Credited())
            .On<MarkInvoiceUncollectible>(c => Credited() with
            {
                Status = InvoiceStatus.Uncollectible,
                UncollectibleReason = c.Reason,
                CreditNotes = [Goodwill, new InvoiceCreditNote("CN-1-2", BillingTestData.TotalMinor - Goodwill.AmountMinor, c.Reason!, Now, "Olga Operator")],
            });
        var page = Render<InvoicePage>(p => p.Add(i => i.InvoiceId, "inv_1"));

        page.WaitForElement("button[data-testid='invoice-uncollectible']").Click();
        Assert.Contains("USD 16,999.50 still due is written off", page.WaitForElement("[data-testid='reason-dialog']").TextContent);
        Assert.True(page.Find("button[data-testid='reason-dialog-confirm']").HasAttribute("disabled"));
        page.Find("textarea[data-testid='reason-dialog-text']").Input("Customer insolvent");
        page.Find("button[data-testid='reason-dialog-confirm']").Click();

        page.WaitForAssertion(() => Assert.Contains("Customer insolvent", page.Find("[data-testid='invoice-uncollectible-reason']").TextContent));
        Assert.Equal(new MarkInvoiceUncollectible("inv_1", "Customer insolvent"), Mediator.SentOf<MarkInvoiceUncollectible>().Single());
        Assert.Equal("Uncollectible", page.Find("[data-testid='invoice-status']").GetAttribute("data-status"));
        Assert.Equal("USD 0.00", page.Find("[data-testid='invoice-amount-due']").TextContent.Trim());
        Assert.Equal(2, page.FindAll("[data-testid='invoice-credit-note-number']").Count);
        Assert.Empty(page.FindAll("[data-testid='invoice-overdue']"));
        Assert.Empty(page.FindAll("button[data-testid='invoice-uncollectible']"));
        Assert.Empty(page.FindAll("button[data-testid='invoice-credit']"));
    }

    [Fact]
    public void The_invoice_list_flags_overdue_rows_only()
    {
        Mediator.Returns<ListInvoices>(new List<InvoiceSummary>
        {
            BillingTestData.Summary("inv_1", "org_customer"),
            BillingTestData.Summary("inv_2", "org_customer", InvoiceStatus.Paid),
            BillingTestData.Summary("inv_3", "org_other") with { DueAt = Now.AddDays(1) },
        });
        var page = Render<InvoicesPage>();

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid='invoices-table'] tbody tr").Count));
        var rows = page.FindAll("[data-testid='invoices-table'] tbody tr");
        Assert.Equal([true, false, false], rows.Select(r => r.QuerySelector("[data-testid='invoice-overdue']") is not null));
        Assert.Equal("Overdue · 12 days", rows[0].QuerySelector("[data-testid='invoice-overdue']")!.TextContent.Trim());
    }
}
