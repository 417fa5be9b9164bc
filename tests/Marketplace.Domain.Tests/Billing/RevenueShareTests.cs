using Marketplace.Domain.Billing;

namespace Marketplace.Domain.Tests.Billing;

public sealed class RevenueShareTests
{
    private static readonly DateTimeOffset At = new(2026, 9, 1, 0, 0, 0, TimeSpan.Zero);
    private const string Customer = "org_customer";

    private static readonly RevenueLine[] Lines =
    [
        RevenueLine.Partner("org_model", 10_000, 1_000),  // 9,000 / 1,000
        RevenueLine.Partner("org_hardware", 333, 1_500),  // exact 283.05 / 49.95: the unit left goes to the larger remainder, the platform's
        RevenueLine.Tax(1_033),
    ];

    private static (Ledger Ledger, InvoiceShares Invoice) Issued(string currency = "USD", IReadOnlyList<RevenueLine>? lines = null)
    {
        var ledger = new Ledger(currency);
        var booking = RevenueShare.Issue("inv_1", Customer, currency, lines ?? Lines, "inv_1:issue", At);
        Assert.True(booking.Allowed, booking.Refusal);
        ledger.Post(booking.Entry);
        return (ledger, booking.Invoice);
    }

    private static InvoiceShares Book(Ledger ledger, Booking booking)
    {
        Assert.True(booking.Allowed, booking.Refusal);
        Assert.Equal(PostOutcome.Posted, ledger.Post(booking.Entry).Outcome);
        return booking.Invoice;
    }

    private static long OnNormalSide(Ledger ledger, Account account) => ledger.Balance(account).OnNormalSide;

    [Fact]
    public void Issuing_debits_the_customer_and_credits_pending_partner_shares_the_take_and_tax()
    {
        var (ledger, invoice) = Issued();

        Assert.Equal(11_366, invoice.TotalMinor);
        Assert.Equal(
            [
                (Account.CustomerReceivable(Customer), Side.Debit, 11_366L),
                (Account.PartnerPending("org_hardware"), Side.Credit, 283L),
                (Account.PartnerPending("org_model"), Side.Credit, 9_000L),
                (Account.PlatformRevenue, Side.Credit, 1_050L),
                (Account.TaxPayable, Side.Credit, 1_033L),
            ],
            ledger.Entries.Single().Postings.Select(p => (p.Account, p.Side, p.AmountMinor)));
        Assert.Equal(0, Payouts.AvailableMinor(ledger, "org_model"));
    }

    [Fact]
    public void Each_partner_line_splits_as_the_quote_showed_it()
    {
        var split = RevenueShare.Split([RevenueLine.Partner("org_a", 333, 1_500), RevenueLine.Partner("org_a", 5, 5_000), RevenueLine.Platform(10)]);

        // 333 at 15 %: 283 / 50. 5 at 50 %: 2.5 / 2.5, the tie goes to the partner: 3 / 2.
        Assert.Equal([(Party.Partner("org_a"), 286L), (Party.Platform, 62L)], split.Select(s => (s.Party, s.InvoicedMinor)));
        Assert.Equal((283, 50), Money.Splits.TakeRate(333, 1_500));
        Assert.Equal((3, 2), Money.Splits.TakeRate(5, 5_000));
    }

    [Fact]
    public void Payment_moves_cash_into_clearing_and_each_partners_collected_share_from_pending_to_payable()
    {
        var (ledger, invoice) = Issued();

        invoice = Book(ledger, RevenueShare.Pay(invoice, 11_366, "offline", "inv_1:pay:1", At));

        Assert.Equal(11_366, OnNormalSide(ledger, Account.GatewayClearing("offline")));
        Assert.Equal(0, OnNormalSide(ledger, Account.CustomerReceivable(Customer)));
        Assert.Equal(0, OnNormalSide(ledger, Account.PartnerPending("org_model")));
        Assert.Equal(9_000, OnNormalSide(ledger, Account.PartnerPayable("org_model")));
        Assert.Equal(283, OnNormalSide(ledger, Account.PartnerPayable("org_hardware")));
        Assert.Equal(0, invoice.OutstandingMinor);
        Assert.True(ledger.TrialBalance().Balanced);
    }

    [Fact]
    public void Partial_payments_split_over_what_is_left_and_the_last_lands_every_share_exactly()
    {
        var (ledger, invoice) = Issued();

        foreach (var amount in new long[] { 1, 4_999, 3_333, 3_033 })
        {
            var before = invoice;
            invoice = Book(ledger, RevenueShare.Pay(invoice, amount, "offline", $"inv_1:pay:{amount}", At));
            Assert.Equal(amount, invoice.Parties.Select((p, i) => p.CollectedMinor - before.Parties[i].CollectedMinor).Sum());
        }

        Assert.All(invoice.Parties, p => Assert.Equal(p.InvoicedMinor, p.CollectedMinor));
        Assert.Equal(9_000, OnNormalSide(ledger, Account.PartnerPayable("org_model")));
        Assert.Equal(0, OnNormalSide(ledger, Account.PartnerPending("org_model")));
    }

    [Fact]
    public void A_hundred_split_three_equal_ways_gives_the_extra_unit_to_the_partner_first_by_id_every_time()
    {
        RevenueLine[] lines = [RevenueLine.Partner("org_c", 1_000, 0), RevenueLine.Partner("org_a", 1_000, 0), RevenueLine.Partner("org_b", 1_000, 0)];
        var (_, invoice) = Issued(lines: lines);

        for (var run = 0; run < 3; run++)
        {
            var paid = RevenueShare.Pay(invoice, 100, "offline", "k", At).Invoice!;

            Assert.Equal([("org_a", 34L), ("org_b", 33L), ("org_c", 33L)], paid.Parties.Select(p => (p.Party.PartnerId, p.CollectedMinor)));
        }
    }

    [Fact]
    public void Refuses_a_payment_beyond_what_is_outstanding_and_one_on_a_paid_invoice()
    {
        var (ledger, invoice) = Issued();

        var tooMuch = RevenueShare.Pay(invoice, 11_367, "offline", "k1", At);
        invoice = Book(ledger, RevenueShare.Pay(invoice, 11_366, "offline", "k2", At));
        var again = RevenueShare.Pay(invoice, 1, "offline", "k3", At);

        Assert.Equal("Invoice inv_1 has USD 113.66 outstanding; a payment of USD 113.67 is more.", tooMuch.Refusal);
        Assert.Equal("Invoice inv_1 is already paid.", again.Refusal);
        Assert.False(RevenueShare.Pay(invoice, 0, "offline", "k4", At).Allowed);
    }

    [Fact]
    public void A_refund_reverses_the_split_in_proportion_and_its_parts_sum_exactly()
    {
        var (ledger, invoice) = Issued();
        invoice = Book(ledger, RevenueShare.Pay(invoice, 11_366, "offline", "pay", At));

        invoice = Book(ledger, RevenueShare.Refund(invoice, 5_683, "offline", "refund:1", At));

        // Half of each share: 4,500 of 9,000; 141.5 of 283 and 516.5 of 1,033 tie, and the earlier party (the partner) takes the unit.
        Assert.Equal([142L, 4_500L, 525L, 516L], invoice.Parties.Select(p => p.RefundedMinor));
        Assert.Equal(
            [
                (Account.GatewayClearing("offline"), Side.Credit, 5_683L),
                (Account.PartnerPayable("org_hardware"), Side.Debit, 142L),
                (Account.PartnerPayable("org_model"), Side.Debit, 4_500L),
                (Account.Refunds, Side.Debit, 525L),
                (Account.TaxPayable, Side.Debit, 516L),
            ],
            ledger.Entries[^1].Postings.Select(p => (p.Account, p.Side, p.AmountMinor)));
        Assert.Equal(4_500, OnNormalSide(ledger, Account.PartnerPayable("org_model")));
        Assert.Equal(1_050 - 525, OnNormalSide(ledger, Account.PlatformRevenue) - OnNormalSide(ledger, Account.Refunds));
    }

    [Fact]
    public void A_credit_note_shrinks_every_unpaid_share_in_proportion_and_the_rest_pays_the_invoice_in_full()
    {
        var (ledger, invoice) = Issued();
        invoice = Book(ledger, RevenueShare.Pay(invoice, 1_366, "offline", "pay", At));

        invoice = Book(ledger, RevenueShare.Credit(invoice, 5_000, "credit:1", At, "Credit note"));
        var tooMuch = RevenueShare.Credit(invoice, invoice.OutstandingMinor + 1, "credit:2", At, "Credit note");
        invoice = Book(ledger, RevenueShare.Pay(invoice, invoice.OutstandingMinor, "offline", "pay:2", At));

        Assert.Equal(11_366 - 5_000, invoice.TotalMinor);
        Assert.Equal(5_000, ledger.Entries[2].Postings.Where(p => p.Side == Side.Debit).Sum(p => p.AmountMinor));
        Assert.Contains("outstanding", tooMuch.Refusal, StringComparison.Ordinal);
        Assert.Equal(0, invoice.OutstandingMinor);
        Assert.Equal(0, OnNormalSide(ledger, Account.CustomerReceivable(Customer)));
        Assert.Equal(0, OnNormalSide(ledger, Account.PartnerPending("org_model")));
        Assert.Equal(invoice.ShareOf(invoice.Parties.Single(p => p.Party.PartnerId == "org_model").Party)!.InvoicedMinor, OnNormalSide(ledger, Account.PartnerPayable("org_model")));
        Assert.True(ledger.TrialBalance().Balanced);
    }

    [Fact]
    public void Refunds_never_exceed_what_was_paid()
    {
        var (ledger, invoice) = Issued();
        invoice = Book(ledger, RevenueShare.Pay(invoice, 6_000, "offline", "pay", At));
        invoice = Book(ledger, RevenueShare.Refund(invoice, 4_000, "offline", "refund:1", At));

        var beyond = RevenueShare.Refund(invoice, 2_001, "offline", "refund:2", At);

        Assert.False(beyond.Allowed);
        Assert.Equal("Invoice inv_1 has USD 60.00 paid and USD 40.00 refunded; a refund of USD 20.01 is more than the USD 20.00 left.", beyond.Refusal);
        invoice = Book(ledger, RevenueShare.Refund(invoice, 2_000, "offline", "refund:2", At));
        Assert.All(invoice.Parties, p => Assert.Equal(p.CollectedMinor, p.RefundedMinor));
        Assert.False(RevenueShare.Refund(invoice, 1, "offline", "refund:3", At).Allowed);
        Assert.True(ledger.TrialBalance().Balanced);
    }

    [Fact]
    public void Invoices_in_currencies_without_and_with_three_minor_digits_book_and_read_in_their_own_units()
    {
        var (yen, yenInvoice) = Issued("JPY", [RevenueLine.Partner("org_model", 15_025, 1_250), RevenueLine.Tax(1_502)]);
        var (dinar, dinarInvoice) = Issued("KWD", [RevenueLine.Partner("org_model", 1_234, 1_250), RevenueLine.Tax(123)]);

        var yenPayment = RevenueShare.Pay(yenInvoice, 16_527, "offline", "pay", At);
        var dinarRefusal = RevenueShare.Pay(dinarInvoice, 1_358, "offline", "pay", At);

        Assert.Equal("Payment of JPY 16,527 for invoice inv_1", yenPayment.Entry!.Description);
        Assert.Equal("Invoice inv_1 has KWD 1.357 outstanding; a payment of KWD 1.358 is more.", dinarRefusal.Refusal);
        Assert.Equal(13_147, yenInvoice.ShareOf(Party.Partner("org_model"))!.InvoicedMinor);   // 13,146.875 yen
        Assert.Equal(1_080, dinarInvoice.ShareOf(Party.Partner("org_model"))!.InvoicedMinor);  // 1.07975 dinar
        Assert.True(yen.TrialBalance().Balanced && dinar.TrialBalance().Balanced);
    }

    [Fact]
    public void An_invoice_of_nothing_is_refused_and_bad_lines_are_errors()
    {
        Assert.False(RevenueShare.Issue("inv_0", Customer, "USD", [RevenueLine.Partner("org_a", 0, 1_000)], "k", At).Allowed);
        Assert.Throws<ArgumentException>(() => RevenueShare.Split([RevenueLine.Partner("org_a", -1, 1_000)]));
        Assert.Throws<ArgumentException>(() => RevenueShare.Split([RevenueLine.Partner("org_a", 1, 10_001)]));
        Assert.Throws<ArgumentException>(() => RevenueShare.Split([new RevenueLine(RevenueLineKind.Partner, null, 1, 0)]));
    }

    [Theory]
    [InlineData(1_234_567, 80, 98_765)]  // 98,765.36
    [InlineData(500, 1, 1)]              // 0.5 rounds away from zero
    [InlineData(499, 1, 0)]
    [InlineData(0, 5_000, 0)]
    public void Usage_is_rated_once_per_line_at_its_per_thousand_price(long quantity, long pricePer1k, long expected) =>
        Assert.Equal(expected, UsageRating.AmountMinor(quantity, pricePer1k));
}
