namespace Marketplace.Domain.Billing;

/// <summary>
/// What a partner can be paid now: its payable balance, never less than zero. A negative payable
/// (a refund clawed back money already paid out) is a debt the partner owes; it is recovered by
/// netting it against the shares collected later, so the next payouts are smaller or nothing.
/// Settlement timing (paying only funds the gateway has settled) is the caller's cap.
/// </summary>
public static class Payouts
{
    public static long AvailableMinor(Ledger ledger, string partnerId) =>
        Math.Max(0, ledger.Balance(Account.PartnerPayable(partnerId)).OnNormalSide);

    /// <summary>
    /// The entry paying a partner what is available (at most <paramref name="limitMinor"/>), or null
    /// when nothing is. A key already on the ledger answers its entry, so a retried payout is the same
    /// payout rather than a second one computed from the reduced balance.
    /// </summary>
    public static JournalEntry? Next(Ledger ledger, string partnerId, string gatewayId, string idempotencyKey, DateTimeOffset at, long? limitMinor = null)
    {
        if (ledger.Find(idempotencyKey) is { } earlier)
        {
            return earlier;
        }
        var amount = Math.Min(AvailableMinor(ledger, partnerId), Math.Max(0, limitMinor ?? long.MaxValue));
        return amount == 0
            ? null
            : JournalEntry.Create(idempotencyKey, ledger.Currency, at, $"Payout to {partnerId}",
                [Posting.Debit(Account.PartnerPayable(partnerId), amount), Posting.Credit(Account.GatewayClearing(gatewayId), amount)]);
    }
}
