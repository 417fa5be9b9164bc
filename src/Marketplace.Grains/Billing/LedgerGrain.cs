using Marketplace.Abstractions.Errors;
using Marketplace.Abstractions.Billing;
using Marketplace.Domain.Billing;

namespace Marketplace.Grains.Billing;

/// <summary>
/// The single writer of one currency's journal. Balances live in memory (rebuilt from the journal
/// on activation); an entry reaches them only once the store has committed it, so a crash loses no
/// acknowledged entry and never leaves half of one. Should two activations ever race, the store's
/// unique position refuses the second, which reloads before answering.
/// </summary>
public sealed class LedgerGrain(IJournalStore journal, TimeProvider time) : Grain, ILedgerGrain
{

    private Ledger _ledger = null!;

    private string Currency => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        _ledger = new Ledger(Currency, await journal.LoadAsync(Currency, cancellationToken));

    public async Task<PostOutcome> PostAsync(JournalEntryData entry) => (await PostAsync(entry.ToEntry())).Outcome;

    private async Task<PostResult> PostAsync(JournalEntry entry)
    {
        if (_ledger.Find(entry.IdempotencyKey) is { } known)
        {
            return new PostResult(known.SameMoneyAs(entry) ? PostOutcome.Duplicate : PostOutcome.Conflict, known);
        }
        JournalEntry? stored;
        try
        {
            stored = await journal.AppendAsync(entry, _ledger.Entries.Count, CancellationToken.None);
        }
        catch (JournalPositionTakenException)
        {
            // Another activation wrote here: catch up from the journal, then decide again.
            _ledger = new Ledger(Currency, await journal.LoadAsync(Currency, CancellationToken.None));
            return await PostAsync(entry);
        }
        if (stored is not null)
        {
            _ledger = new Ledger(Currency, await journal.LoadAsync(Currency, CancellationToken.None));
            return new PostResult(stored.SameMoneyAs(entry) ? PostOutcome.Duplicate : PostOutcome.Conflict, stored);
        }
        return _ledger.Post(entry);
    }

    public Task<IReadOnlyList<AccountBalanceView>> TrialBalanceAsync() =>
        Task.FromResult<IReadOnlyList<AccountBalanceView>>(_ledger.TrialBalance().Accounts
            .Select(a => new AccountBalanceView(a.Account.ToString(), Currency, a.DebitMinor, a.CreditMinor)).ToList());

    public Task<PartnerLedgerView> PartnerAsync(string partnerId)
    {
        var payable = Account.PartnerPayable(partnerId);
        var history = _ledger.History(payable);
        var lines = history
            .Select(m => new EarningLine(m.Entry.Id, m.Entry.OccurredAt, m.Entry.Description, m.Side == Side.Credit ? m.AmountMinor : -m.AmountMinor, -m.NetAfter))
            .ToList();
        var paidOut = history.Where(m => m.Entry.IdempotencyKey.StartsWith(LedgerKeys.PayoutPrefix, StringComparison.Ordinal) && m.Side == Side.Debit).Sum(m => m.AmountMinor)
            - history.Where(m => m.Entry.IdempotencyKey.StartsWith(LedgerKeys.PayoutReversalPrefix, StringComparison.Ordinal) && m.Side == Side.Credit).Sum(m => m.AmountMinor);
        return Task.FromResult(new PartnerLedgerView(
            partnerId, Currency, _ledger.Balance(Account.PartnerPending(partnerId)).OnNormalSide, _ledger.Balance(payable).OnNormalSide, paidOut, lines));
    }

    public async Task<PayoutView?> PayOutAsync(string partnerId, string gatewayId, string idempotencyKey)
    {
        var key = LedgerKeys.Payout(partnerId, idempotencyKey);
        if (Payouts.Next(_ledger, partnerId, gatewayId, key, time.GetUtcNow()) is not { } payout)
        {
            return null;
        }
        if (_ledger.Find(LedgerKeys.PayoutReversalPrefix + payout.Id) is not null)
        {
            throw new ConflictException("payout.returned", $"Payout {payout.Id} was returned by the gateway; pay out again with a new Idempotency-Key.");
        }
        var posted = (await PostAsync(payout)).Entry;
        return new PayoutView(posted.Id, partnerId, Currency, posted.TotalMinor, posted.OccurredAt);
    }

    public async Task<bool> ReversePayoutAsync(string partnerId, string idempotencyKey, string reason)
    {
        if (_ledger.Find(LedgerKeys.Payout(partnerId, idempotencyKey)) is not { } payout)
        {
            return false;
        }
        await PostAsync(JournalEntry.Reversal(payout, LedgerKeys.PayoutReversalPrefix + payout.Id, time.GetUtcNow(), $"Payout {payout.Id} returned: {reason}"));
        return true;
    }
}
