using Marketplace.Abstractions.Billing;
using Marketplace.Abstractions.Errors;
using Marketplace.Domain.Billing;

namespace Marketplace.Grains.Tests;

/// <summary>Collecting an invoice: weekly reminders once it is overdue, credit notes, and writing off what will not be paid.</summary>
[Collection(ClusterCollection.Name)]
public sealed class InvoiceCollectionGrainTests(ClusterFixture fixture)
{
    private readonly string _partner = $"org_{Guid.NewGuid():N}";

    private async Task<IInvoiceGrain> IssuedAsync(TimeSpan dueIn)
    {
        var invoice = fixture.Grains.GetGrain<IInvoiceGrain>($"inv_{Guid.NewGuid():N}"[..30]);
        var now = fixture.Time.GetUtcNow();
        await invoice.IssueAsync(new InvoiceDraft($"org_{Guid.NewGuid():N}", null, "EUR", "Collection test",
            [new InvoiceLine(_partner, "Partner Co", "Work", 10_000, 1_000, false), new InvoiceLine("org_operator", "Tax", "Tax", 1_900, 0, true)],
            now - TimeSpan.FromDays(30), now + dueIn));
        return invoice;
    }

    private async Task<bool> BalancedAsync() =>
        (await fixture.Grains.GetGrain<ILedgerGrain>("EUR").TrialBalanceAsync()).Sum(a => a.DebitMinor - a.CreditMinor) == 0;

    [Fact]
    public async Task An_overdue_invoice_gets_one_reminder_a_week_and_one_not_yet_due_none()
    {
        var overdue = await IssuedAsync(TimeSpan.FromDays(-10));
        var notDue = await IssuedAsync(TimeSpan.FromDays(5));

        var first = await overdue.RemindIfOverdueAsync();
        var again = await overdue.RemindIfOverdueAsync();
        var none = await notDue.RemindIfOverdueAsync();

        var reminder = Assert.Single(again!.Reminders!);
        Assert.Equal((10, 11_900L), (reminder.DaysOverdue, reminder.DueMinor));
        Assert.Equal(first!.Reminders, again.Reminders);
        Assert.True(again.IsOverdue(fixture.Time.GetUtcNow()));
        Assert.Null(none!.Reminders);
    }

    [Fact]
    public async Task A_credit_note_lowers_what_is_due_and_paying_the_rest_settles_the_invoice()
    {
        var invoice = await IssuedAsync(TimeSpan.FromDays(5));

        var credited = await invoice.CreditAsync(1_900, "Late delivery", "operator");
        var tooMuch = await Assert.ThrowsAsync<ConflictException>(() => invoice.CreditAsync(10_001, "More", "operator"));
        var paid = await invoice.PayAsync(PaymentMethods.Offline, 10_000, "BANK-CN", "operator");

        Assert.Equal(("CN-" + credited.Id[4..] + "-1", 10_000L), (credited.CreditNotes![0].Number, credited.DueMinor));
        Assert.Equal("invoice.credit_exceeds_due", tooMuch.Code);
        Assert.Equal((InvoiceStatus.Paid, 0L), (paid.Status, paid.DueMinor));
        await Assert.ThrowsAsync<ConflictException>(() => invoice.VoidAsync("mistake", "operator"));
        Assert.True(await BalancedAsync());
    }

    [Fact]
    public async Task Only_an_overdue_invoice_is_written_off_and_its_partners_unpaid_shares_go_with_it()
    {
        var notDue = await IssuedAsync(TimeSpan.FromDays(5));
        var overdue = await IssuedAsync(TimeSpan.FromDays(-40));
        await overdue.PayAsync(PaymentMethods.Offline, 2_000, "BANK-PART", "operator");

        var early = await Assert.ThrowsAsync<ConflictException>(() => notDue.MarkUncollectibleAsync("Customer insolvent", "operator"));
        var writtenOff = await overdue.MarkUncollectibleAsync("Customer insolvent", "operator");
        var again = await overdue.MarkUncollectibleAsync("Customer insolvent", "operator");

        Assert.Equal("invoice.not_overdue", early.Code);
        Assert.Equal((InvoiceStatus.Uncollectible, 0L, 9_900L), (writtenOff.Status, writtenOff.DueMinor, writtenOff.CreditedMinor));
        Assert.Equal((writtenOff.Status, writtenOff.CreditedMinor, 1), (again.Status, again.CreditedMinor, again.CreditNotes!.Count));
        var partner = await fixture.Grains.GetGrain<ILedgerGrain>("EUR").PartnerAsync(_partner);
        // The paid 2,000 was split (the partner's part is payable); the rest of its share on the written-off
        // invoice is no longer pending: what is pending is its 9,000 share of the invoice not yet due.
        Assert.Equal(9_000, partner.PendingMinor);
        Assert.True(partner.PayableMinor > 0);
        await Assert.ThrowsAsync<ConflictException>(() => overdue.PayAsync(PaymentMethods.Offline, 1, "BANK-LATE", "operator"));
        Assert.True(await BalancedAsync());
    }
}
