using Marketplace.Domain.Money;

namespace Marketplace.Domain.Billing;

/// <summary>
/// The double-entry flow of an invoice, from issue to refund. Each event is one balanced entry:
/// <list type="number">
/// <item><b>Issued</b> (total T): Dr customer receivable T; Cr partner pending (each partner's
/// share), Cr platform revenue (the take), Cr tax payable (tax). Revenue and tax are recognised
/// when invoiced; partner shares wait in <i>pending</i> because partners are paid only from
/// collected money.</item>
/// <item><b>Paid</b> (P, possibly in parts): Dr gateway clearing P, Cr customer receivable P; and
/// for each partner's part of P, Dr partner pending, Cr partner payable: collected money becomes
/// payable.</item>
/// <item><b>Refunded</b> (R): Cr gateway clearing R; Dr partner payable (each partner's part: the
/// clawback), Dr refunds (the platform's part, contra-revenue), Dr tax payable (the tax part).
/// A part clawed back after a payout leaves the partner's payable negative; <see cref="Payouts"/>
/// recovers it from the next payouts.</item>
/// <item><b>Paid out</b> (see <see cref="Payouts"/>): Dr partner payable, Cr gateway clearing.</item>
/// </list>
/// Splits: each partner line splits between partner and platform with
/// <see cref="Splits.TakeRate"/> (largest remainder; a tie goes to the partner), exactly as the quote
/// showed it. A payment or refund splits across the parties by largest remainder over what each
/// party still has to collect (payment) or still holds (refund), ties going to the earlier
/// <see cref="Party"/> (partners by id, then platform, then tax). Splitting over what remains,
/// rather than over the original shares, keeps every part between zero and what the party has
/// left, and makes the last payment or full refund land every party exactly on its share.
/// </summary>
public static class RevenueShare
{
    /// <summary>Each party with a share of an invoice's lines, in <see cref="Party"/> order.</summary>
    /// <exception cref="ArgumentException">When a line has a negative amount, a take rate outside 0–10,000 bp, or a partner line no partner.</exception>
    public static IReadOnlyList<PartyShare> Split(IReadOnlyList<RevenueLine> lines)
    {
        var shares = new List<PartyShare>(lines.Count + 1);
        foreach (var line in lines)
        {
            if (line.AmountMinor < 0)
            {
                throw new ArgumentException($"A line's amount cannot be negative ({line.AmountMinor}): refunds and credit notes are events of their own.", nameof(lines));
            }
            switch (line.Kind)
            {
                case RevenueLineKind.Partner:
                    if (line.TakeRateBasisPoints is < 0 or > 10_000)
                    {
                        throw new ArgumentException($"A take rate is 0–10,000 basis points, not {line.TakeRateBasisPoints}.", nameof(lines));
                    }
                    var (partner, platform) = Splits.TakeRate(line.AmountMinor, line.TakeRateBasisPoints);
                    Add(shares, Party.Partner(line.PartnerId!), partner);
                    Add(shares, Party.Platform, platform);
                    break;
                case RevenueLineKind.Platform:
                    Add(shares, Party.Platform, line.AmountMinor);
                    break;
                case RevenueLineKind.Tax:
                    Add(shares, Party.Tax, line.AmountMinor);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(lines), line.Kind, "Unknown line kind.");
            }
        }
        shares.RemoveAll(s => s.InvoicedMinor == 0);
        shares.Sort((x, y) => x.Party.CompareTo(y.Party));
        return shares.AsReadOnly();
    }

    /// <summary>Books an invoice as issued; refused when its lines total nothing.</summary>
    /// <exception cref="ArgumentException">When a line is malformed (see <see cref="Split"/>).</exception>
    public static Booking Issue(string invoiceId, string customerId, string currency, IReadOnlyList<RevenueLine> lines, string idempotencyKey, DateTimeOffset at)
    {
        var invoice = new InvoiceShares(invoiceId, customerId, currency, Split(lines));
        var total = invoice.TotalMinor;
        if (total <= 0)
        {
            return Booking.Refused($"Invoice {invoiceId} totals nothing; there is nothing to book.");
        }
        var postings = new Posting[1 + invoice.Parties.Count];
        postings[0] = Posting.Debit(Account.CustomerReceivable(customerId), total);
        for (var i = 0; i < invoice.Parties.Count; i++)
        {
            postings[i + 1] = Posting.Credit(IssuedTo(invoice.Parties[i].Party), invoice.Parties[i].InvoicedMinor);
        }
        var entry = JournalEntry.Create(idempotencyKey, currency, at, $"Invoice {invoiceId} issued", postings);
        return Booking.Allow(entry, invoice);
    }

    /// <summary>Books a payment, the whole invoice or part of it; refused beyond what is outstanding.</summary>
    public static Booking Pay(InvoiceShares invoice, long amountMinor, string gatewayId, string idempotencyKey, DateTimeOffset at)
    {
        if (amountMinor <= 0)
        {
            return Booking.Refused($"A payment is a positive amount, not {amountMinor}.");
        }
        if (amountMinor > invoice.OutstandingMinor)
        {
            return Booking.Refused(invoice.OutstandingMinor == 0
                ? $"Invoice {invoice.InvoiceId} is already paid."
                : $"Invoice {invoice.InvoiceId} has {Currency.Format(invoice.OutstandingMinor, invoice.Currency)} outstanding; a payment of {Currency.Format(amountMinor, invoice.Currency)} is more.");
        }
        var parts = Splits.LargestRemainder(amountMinor, Amounts(invoice, static p => p.UncollectedMinor));
        var postings = new List<Posting>(2 + 2 * parts.Length)
        {
            Posting.Debit(Account.GatewayClearing(gatewayId), amountMinor),
            Posting.Credit(Account.CustomerReceivable(invoice.CustomerId), amountMinor),
        };
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i] > 0 && invoice.Parties[i].Party is { Kind: PartyKind.Partner, PartnerId: { } partnerId })
            {
                postings.Add(Posting.Debit(Account.PartnerPending(partnerId), parts[i]));
                postings.Add(Posting.Credit(Account.PartnerPayable(partnerId), parts[i]));
            }
        }
        var entry = JournalEntry.Create(idempotencyKey, invoice.Currency, at,
            $"Payment of {Currency.Format(amountMinor, invoice.Currency)} for invoice {invoice.InvoiceId}", [.. postings]);
        return Booking.Allow(entry, After(invoice, parts, static (p, part) => p with { CollectedMinor = p.CollectedMinor + part }));
    }

    /// <summary>
    /// Books a full or partial refund of money paid, clawing back each party's part; refused beyond
    /// what was paid and not yet refunded, so refunds never add up to more than the payments.
    /// </summary>
    public static Booking Refund(InvoiceShares invoice, long amountMinor, string gatewayId, string idempotencyKey, DateTimeOffset at)
    {
        if (amountMinor <= 0)
        {
            return Booking.Refused($"A refund is a positive amount, not {amountMinor}.");
        }
        if (amountMinor > invoice.RefundableMinor)
        {
            return Booking.Refused(
                $"Invoice {invoice.InvoiceId} has {Currency.Format(invoice.CollectedMinor, invoice.Currency)} paid and {Currency.Format(invoice.RefundedMinor, invoice.Currency)} refunded; " +
                $"a refund of {Currency.Format(amountMinor, invoice.Currency)} is more than the {Currency.Format(invoice.RefundableMinor, invoice.Currency)} left.");
        }
        var parts = Splits.LargestRemainder(amountMinor, Amounts(invoice, static p => p.HeldMinor));
        var postings = new List<Posting>(1 + parts.Length) { Posting.Credit(Account.GatewayClearing(gatewayId), amountMinor) };
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i] > 0)
            {
                postings.Add(Posting.Debit(RefundedFrom(invoice.Parties[i].Party), parts[i]));
            }
        }
        var entry = JournalEntry.Create(idempotencyKey, invoice.Currency, at,
            $"Refund of {Currency.Format(amountMinor, invoice.Currency)} on invoice {invoice.InvoiceId}", [.. postings]);
        return Booking.Allow(entry, After(invoice, parts, static (p, part) => p with { RefundedMinor = p.RefundedMinor + part }));
    }

    /// <summary>
    /// Books a credit note: part of what is still owed is no longer owed (a service credit, a billing
    /// error, or the rest written off as uncollectible). Each party's unpaid share shrinks in
    /// proportion, so partners are never owed money the customer will not pay; refused beyond what is
    /// outstanding (a paid part is refunded instead).
    /// </summary>
    public static Booking Credit(InvoiceShares invoice, long amountMinor, string idempotencyKey, DateTimeOffset at, string why)
    {
        if (amountMinor <= 0)
        {
            return Booking.Refused($"A credit note is a positive amount, not {amountMinor}.");
        }
        if (amountMinor > invoice.OutstandingMinor)
        {
            return Booking.Refused(
                $"Invoice {invoice.InvoiceId} has {Currency.Format(invoice.OutstandingMinor, invoice.Currency)} outstanding; a credit of {Currency.Format(amountMinor, invoice.Currency)} is more (refund what was paid instead).");
        }
        var parts = Splits.LargestRemainder(amountMinor, Amounts(invoice, static p => p.UncollectedMinor));
        var postings = new List<Posting>(1 + parts.Length) { Posting.Credit(Account.CustomerReceivable(invoice.CustomerId), amountMinor) };
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i] > 0)
            {
                postings.Add(Posting.Debit(IssuedTo(invoice.Parties[i].Party), parts[i]));
            }
        }
        var entry = JournalEntry.Create(idempotencyKey, invoice.Currency, at,
            $"{why} of {Currency.Format(amountMinor, invoice.Currency)} on invoice {invoice.InvoiceId}", [.. postings]);
        return Booking.Allow(entry, After(invoice, parts, static (p, part) => p with { InvoicedMinor = p.InvoicedMinor - part }));
    }

    private static long[] Amounts(InvoiceShares invoice, Func<PartyShare, long> amount)
    {
        var amounts = new long[invoice.Parties.Count];
        for (var i = 0; i < amounts.Length; i++)
        {
            amounts[i] = amount(invoice.Parties[i]);
        }
        return amounts;
    }

    private static InvoiceShares After(InvoiceShares invoice, long[] parts, Func<PartyShare, long, PartyShare> apply)
    {
        var parties = new PartyShare[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            parties[i] = apply(invoice.Parties[i], parts[i]);
        }
        return invoice with { Parties = Array.AsReadOnly(parties) };
    }

    private static Account IssuedTo(Party party) => party.Kind switch
    {
        PartyKind.Partner => Account.PartnerPending(party.PartnerId!),
        PartyKind.Platform => Account.PlatformRevenue,
        _ => Account.TaxPayable,
    };

    private static Account RefundedFrom(Party party) => party.Kind switch
    {
        PartyKind.Partner => Account.PartnerPayable(party.PartnerId!),
        PartyKind.Platform => Account.Refunds,
        _ => Account.TaxPayable,
    };

    private static void Add(List<PartyShare> shares, Party party, long amount)
    {
        for (var i = 0; i < shares.Count; i++)
        {
            if (shares[i].Party == party)
            {
                shares[i] = shares[i] with { InvoicedMinor = checked(shares[i].InvoicedMinor + amount) };
                return;
            }
        }
        shares.Add(new PartyShare(party, amount, 0, 0));
    }
}
