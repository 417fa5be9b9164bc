namespace Marketplace.Domain.Billing;

/// <summary>
/// One party's share of an invoice: what was invoiced to its name, how much of that the customer
/// has paid, and how much of the paid part refunds gave back.
/// </summary>
public sealed record PartyShare(Party Party, long InvoicedMinor, long CollectedMinor, long RefundedMinor)
{
    public long UncollectedMinor => InvoicedMinor - CollectedMinor;

    /// <summary>Paid and not refunded: what a refund can still take back from this party.</summary>
    public long HeldMinor => CollectedMinor - RefundedMinor;
}

/// <summary>
/// Where an invoice's revenue share stands: each party's share, invoiced, collected and refunded.
/// Immutable: each payment or refund gives a new one, which the invoice's grain stores with the
/// entry it posts. Parties are in <see cref="Party"/> order.
/// </summary>
public sealed record InvoiceShares(string InvoiceId, string CustomerId, string Currency, IReadOnlyList<PartyShare> Parties)
{
    public long TotalMinor => Sum(static p => p.InvoicedMinor);

    public long CollectedMinor => Sum(static p => p.CollectedMinor);

    public long RefundedMinor => Sum(static p => p.RefundedMinor);

    public long OutstandingMinor => Sum(static p => p.UncollectedMinor);

    public long RefundableMinor => Sum(static p => p.HeldMinor);

    public PartyShare? ShareOf(Party party) => Parties.FirstOrDefault(p => p.Party == party);

    private long Sum(Func<PartyShare, long> amount)
    {
        long sum = 0;
        for (var i = 0; i < Parties.Count; i++)
        {
            sum = checked(sum + amount(Parties[i]));
        }
        return sum;
    }
}
