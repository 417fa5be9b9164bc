using Marketplace.Abstractions.Billing;
using Marketplace.Application.Billing;
using Marketplace.Domain.Billing;

namespace Marketplace.Application.Tests;

public sealed class ReconciliationTests
{
    private static readonly DateTimeOffset From = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = From.AddMonths(1);
    private static readonly Account Stripe = Account.GatewayClearing(PaymentMethods.GatewayOf(PaymentMethods.Stripe));

    private static JournalEntry Entry(string key, long amount, Account through, Account other, DateTimeOffset? at = null, string? reverses = null) =>
        new(JournalEntry.IdFor(key), key, "USD", at ?? From.AddDays(3), key, [Posting.Debit(through, amount), Posting.Credit(other, amount)], reverses);

    private static GatewayRecord Record(GatewayRecordKind kind, string id, long amount, string? reference, string? operation = null, GatewayRecordStatus status = GatewayRecordStatus.Succeeded) =>
        new(kind, id, amount, "USD", From.AddDays(3), reference, operation, status);

    [Fact]
    public void Payments_refunds_and_payouts_match_their_gateway_records_and_every_difference_is_listed_with_its_reason()
    {
        var payout = Entry(LedgerKeys.Payout("org_p", "k1"), 900, Account.PartnerPayable("org_p"), Stripe);
        var returned = Entry(LedgerKeys.Payout("org_p", "k2"), 50, Account.PartnerPayable("org_p"), Stripe);
        JournalEntry[] entries =
        [
            Entry(LedgerKeys.Payment("inv_a-0", "pi_a"), 1_000, Stripe, Account.CustomerReceivable("org_c")),
            Entry(LedgerKeys.Payment("inv_b-0", "pi_b"), 2_000, Stripe, Account.CustomerReceivable("org_c")),
            Entry(LedgerKeys.Payment("inv_c-0", "pi_c"), 3_000, Stripe, Account.CustomerReceivable("org_c")),
            Entry(LedgerKeys.Refund("inv_a-0", 1), 100, Account.PartnerPayable("org_p"), Stripe),
            Entry(LedgerKeys.Payment("inv_d-0", "BANK-1"), 5_000, Account.GatewayClearing("offline"), Account.CustomerReceivable("org_c")),
            Entry(LedgerKeys.Payment("inv_e-0", "pi_e"), 7_000, Stripe, Account.CustomerReceivable("org_c"), at: From.AddDays(-1)),
            payout,
            returned,
            JournalEntry.Reversal(returned, LedgerKeys.PayoutReversalPrefix + returned.Id, From.AddDays(4)),
        ];
        GatewayRecord[] records =
        [
            Record(GatewayRecordKind.Charge, "ch_a", 1_000, "inv_a-0"),
            Record(GatewayRecordKind.Charge, "ch_b", 1_999, "inv_b-0"),
            Record(GatewayRecordKind.Refund, "re_a", 100, "inv_a-0", LedgerKeys.RefundOperation("inv_a-0", 1)),
            Record(GatewayRecordKind.Transfer, "tr_1", 900, payout.Id),
            Record(GatewayRecordKind.Charge, "ch_x", 4_200, null),
            Record(GatewayRecordKind.Charge, "ch_failed", 9_999, "inv_c-0", status: GatewayRecordStatus.Failed),
        ];

        var report = Reconciliation.Reconcile("USD", From, To, entries, records);

        Assert.Equal(3, report.Matched);
        Assert.Equal(
            [
                ("Charge", "ch_b", 2_000L, 1_999L, "differ"),
                ("Charge", null, 3_000L, 0L, "gateway has no charge for inv_c-0"),
                ("Charge", "ch_x", 0L, 4_200L, "not on our ledger"),
            ],
            report.Mismatches.Select(m => (m.Kind, m.GatewayId, m.LedgerAmountMinor, m.GatewayAmountMinor,
                m.Reason.Contains("differ", StringComparison.Ordinal) ? "differ"
                : m.Reason.Contains("gateway has no", StringComparison.Ordinal) ? m.Reason[(m.Reason.IndexOf("gateway has no", StringComparison.Ordinal))..m.Reason.IndexOf(" in the period", StringComparison.Ordinal)]
                : "not on our ledger")));
    }
}
