using Marketplace.Domain.Billing;

namespace Marketplace.Domain.Tests.Billing;

public sealed class PayoutTests
{
    private static readonly DateTimeOffset At = new(2026, 9, 1, 0, 0, 0, TimeSpan.Zero);
    private const string Partner = "org_model";
    private static readonly Account Payable = Account.PartnerPayable(Partner);

    private static InvoiceShares Book(Ledger ledger, Booking booking)
    {
        Assert.True(booking.Allowed, booking.Refusal);
        Assert.Equal(PostOutcome.Posted, ledger.Post(booking.Entry).Outcome);
        return booking.Invoice;
    }

    private static InvoiceShares Paid(Ledger ledger, string invoiceId, long amount)
    {
        var invoice = Book(ledger, RevenueShare.Issue(invoiceId, "org_customer", "USD", [RevenueLine.Partner(Partner, amount, 1_000)], invoiceId + ":issue", At));
        return Book(ledger, RevenueShare.Pay(invoice, amount, "stripe", invoiceId + ":pay", At));
    }

    [Fact]
    public void Only_collected_money_can_be_paid_out()
    {
        var ledger = new Ledger("USD");
        var invoice = Book(ledger, RevenueShare.Issue("inv_1", "org_customer", "USD", [RevenueLine.Partner(Partner, 10_000, 1_000)], "inv_1:issue", At));
        Assert.Equal(0, Payouts.AvailableMinor(ledger, Partner));
        Assert.Null(Payouts.Next(ledger, Partner, "stripe", "payout:0", At));

        Book(ledger, RevenueShare.Pay(invoice, 5_000, "stripe", "inv_1:pay", At));

        Assert.Equal(4_500, Payouts.AvailableMinor(ledger, Partner));
    }

    [Fact]
    public void A_clawback_after_a_payout_leaves_a_negative_payable_that_the_next_payout_recovers()
    {
        var ledger = new Ledger("USD");
        var first = Paid(ledger, "inv_1", 10_000);
        ledger.Post(Payouts.Next(ledger, Partner, "stripe", "payout:1", At)!);
        Assert.Equal(0, ledger.Balance(Payable).OnNormalSide);

        Book(ledger, RevenueShare.Refund(first, 4_000, "stripe", "inv_1:refund", At));

        Assert.Equal(-3_600, ledger.Balance(Payable).OnNormalSide);
        Assert.Equal(0, Payouts.AvailableMinor(ledger, Partner));
        Assert.Null(Payouts.Next(ledger, Partner, "stripe", "payout:2", At));

        Paid(ledger, "inv_2", 5_000);

        var next = Payouts.Next(ledger, Partner, "stripe", "payout:2", At)!;
        Assert.Equal(4_500 - 3_600, next.TotalMinor);
        Assert.Equal([(Payable, Side.Debit, 900L), (Account.GatewayClearing("stripe"), Side.Credit, 900L)], next.Postings.Select(p => (p.Account, p.Side, p.AmountMinor)));
        ledger.Post(next);
        Assert.Equal(0, ledger.Balance(Payable).OnNormalSide);
        Assert.True(ledger.TrialBalance().Balanced);
    }

    [Fact]
    public void A_retried_payout_is_the_payout_already_posted_not_a_second_one()
    {
        var ledger = new Ledger("USD");
        Paid(ledger, "inv_1", 10_000);
        var payout = Payouts.Next(ledger, Partner, "stripe", "payout:1", At)!;
        ledger.Post(payout);

        var retry = Payouts.Next(ledger, Partner, "stripe", "payout:1", At.AddMinutes(1));

        Assert.Same(payout, retry);
        Assert.Equal(PostOutcome.Duplicate, ledger.Post(retry!).Outcome);
    }

    [Fact]
    public void A_payout_can_be_capped_by_what_the_gateway_has_settled()
    {
        var ledger = new Ledger("USD");
        Paid(ledger, "inv_1", 10_000);

        Assert.Equal(2_000, Payouts.Next(ledger, Partner, "stripe", "payout:1", At, limitMinor: 2_000)!.TotalMinor);
        Assert.Null(Payouts.Next(ledger, Partner, "stripe", "payout:1", At, limitMinor: 0));
    }
}
