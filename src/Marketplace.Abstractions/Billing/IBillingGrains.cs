using Marketplace.Domain.Billing;

namespace Marketplace.Abstractions.Billing;

/// <summary>
/// One currency's ledger (key: the currency code): the single writer of that partition of the
/// journal, holding its balances in memory and every entry in the <see cref="IJournalStore"/>.
/// </summary>
[Alias("Marketplace.ILedgerGrain")]
public interface ILedgerGrain : IGrainWithStringKey
{
    /// <summary>Posts an entry once: a retry with the same key and money is a no-op, other money under the key is refused.</summary>
    [Alias("PostAsync")]
    Task<PostOutcome> PostAsync(JournalEntryData entry);

    [Alias("TrialBalanceAsync")]
    Task<IReadOnlyList<AccountBalanceView>> TrialBalanceAsync();

    /// <summary>A partner's money in this currency: pending (invoiced, not collected), payable, paid out, and its payable's history.</summary>
    [Alias("PartnerAsync")]
    Task<PartnerLedgerView> PartnerAsync(string partnerId);

    /// <summary>Pays out what a partner may be paid now (its payable, net of clawbacks); null when nothing is due.</summary>
    [Alias("PayOutAsync")]
    Task<PayoutView?> PayOutAsync(string partnerId, string gatewayId, string idempotencyKey);

    /// <summary>
    /// Reverses a payout the gateway then refused (the money never left): a new entry putting it back
    /// on the partner's payable, posted once however often it is retried. False when no such payout exists.
    /// </summary>
    [Alias("ReversePayoutAsync")]
    Task<bool> ReversePayoutAsync(string partnerId, string idempotencyKey, string reason);
}

/// <summary>A journal entry as it crosses the wire: accounts by their text, sides as D/C.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.JournalEntryData")]
public sealed record JournalEntryData(
    [property: Id(0)] string Id,
    [property: Id(1)] string IdempotencyKey,
    [property: Id(2)] string Currency,
    [property: Id(3)] DateTimeOffset OccurredAt,
    [property: Id(4)] string Description,
    [property: Id(5)] IReadOnlyList<PostingData> Postings,
    [property: Id(6)] string? Reverses)
{
    public static JournalEntryData From(JournalEntry entry) => new(
        entry.Id, entry.IdempotencyKey, entry.Currency, entry.OccurredAt, entry.Description,
        entry.Postings.Select(p => new PostingData(p.Account.ToString(), p.Side == Side.Debit, p.AmountMinor)).ToList(), entry.Reverses);

    public JournalEntry ToEntry() => new(
        Id, IdempotencyKey, Currency, OccurredAt, Description,
        Postings.Select(p => p.Debit ? Posting.Debit(Account.Parse(p.Account), p.AmountMinor) : Posting.Credit(Account.Parse(p.Account), p.AmountMinor)), Reverses);
}

[GenerateSerializer, Immutable, Alias("Marketplace.PostingData")]
public sealed record PostingData([property: Id(0)] string Account, [property: Id(1)] bool Debit, [property: Id(2)] long AmountMinor);

[GenerateSerializer, Immutable, Alias("Marketplace.AccountBalanceView")]
public sealed record AccountBalanceView([property: Id(0)] string Account, [property: Id(1)] string Currency, [property: Id(2)] long DebitMinor, [property: Id(3)] long CreditMinor);

[GenerateSerializer, Immutable, Alias("Marketplace.PartnerLedgerView")]
public sealed record PartnerLedgerView(
    [property: Id(0)] string PartnerId,
    [property: Id(1)] string Currency,
    [property: Id(2)] long PendingMinor,
    [property: Id(3)] long PayableMinor,
    [property: Id(4)] long PaidOutMinor,
    [property: Id(5)] IReadOnlyList<EarningLine> Lines);

/// <summary>One movement of a partner's payable: earned (+), clawed back or paid out (−).</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.EarningLine")]
public sealed record EarningLine([property: Id(0)] string EntryId, [property: Id(1)] DateTimeOffset At, [property: Id(2)] string Description, [property: Id(3)] long AmountMinor, [property: Id(4)] long BalanceMinor);

[GenerateSerializer, Immutable, Alias("Marketplace.PayoutView")]
public sealed record PayoutView(
    [property: Id(0)] string EntryId,
    [property: Id(1)] string PartnerId,
    [property: Id(2)] string Currency,
    [property: Id(3)] long AmountMinor,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] string Method = "bank-transfer",
    [property: Id(6)] string? TransferId = null);
