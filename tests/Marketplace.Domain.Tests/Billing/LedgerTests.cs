using Marketplace.Domain.Billing;

namespace Marketplace.Domain.Tests.Billing;

public sealed class LedgerTests
{
    private static readonly DateTimeOffset At = new(2026, 9, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Account Clearing = Account.GatewayClearing("offline");
    private static readonly Account Receivable = Account.CustomerReceivable("org_customer");

    private static JournalEntry Payment(string key, long amount, string description = "payment", DateTimeOffset? at = null) =>
        new(JournalEntry.IdFor(key), key, "USD", at ?? At, description, [Posting.Debit(Clearing, amount), Posting.Credit(Receivable, amount)]);

    [Fact]
    public void Posting_the_same_key_with_the_same_money_again_is_a_duplicate_and_changes_nothing()
    {
        var ledger = new Ledger("USD");
        var first = Payment("op_1", 5_000);
        ledger.Post(first);

        var retry = new JournalEntry(JournalEntry.IdFor("op_1"), "op_1", "USD", At.AddMinutes(3), "retried after a timeout",
            [Posting.Credit(Receivable, 5_000), Posting.Debit(Clearing, 5_000)]);
        var result = ledger.Post(retry);

        Assert.Equal(PostOutcome.Duplicate, result.Outcome);
        Assert.Same(first, result.Entry);
        Assert.Single(ledger.Entries);
        Assert.Equal(5_000, ledger.Balance(Clearing).Net);
    }

    [Fact]
    public void Posting_the_same_key_with_other_money_is_a_conflict_and_changes_nothing()
    {
        var ledger = new Ledger("USD");
        var first = Payment("op_1", 5_000);
        ledger.Post(first);

        var result = ledger.Post(Payment("op_1", 5_001));

        Assert.Equal(PostOutcome.Conflict, result.Outcome);
        Assert.Same(first, result.Entry);
        Assert.Single(ledger.Entries);
        Assert.Equal(5_000, ledger.Balance(Clearing).Net);
    }

    [Fact]
    public void Refuses_an_entry_in_another_currency()
    {
        var ledger = new Ledger("JPY");

        Assert.Throws<ArgumentException>(() => ledger.Post(Payment("op_1", 5)));
        Assert.Empty(ledger.Entries);
    }

    [Fact]
    public void Balances_are_debit_positive_and_read_on_the_normal_side_as_people_expect()
    {
        var ledger = new Ledger("USD");
        var payable = Account.PartnerPayable("org_partner");
        ledger.Post(new JournalEntry("je_1", "issue", "USD", At, "", [Posting.Debit(Receivable, 10_000), Posting.Credit(payable, 10_000)]));
        ledger.Post(new JournalEntry("je_2", "payout", "USD", At, "", [Posting.Debit(payable, 12_500), Posting.Credit(Clearing, 12_500)]));

        Assert.Equal(new AccountBalance(payable, 12_500, 10_000), ledger.Balance(payable));
        Assert.Equal(2_500, ledger.Balance(payable).Net);
        Assert.Equal(-2_500, ledger.Balance(payable).OnNormalSide);
        Assert.Equal(10_000, ledger.Balance(Receivable).OnNormalSide);
        Assert.Equal(-12_500, ledger.Balance(Clearing).OnNormalSide);
        Assert.Equal(new AccountBalance(Account.PlatformRevenue, 0, 0), ledger.Balance(Account.PlatformRevenue));
    }

    [Fact]
    public void History_lists_an_accounts_postings_oldest_first_with_the_balance_after_each()
    {
        var ledger = new Ledger("USD");
        ledger.Post(Payment("op_1", 300));
        ledger.Post(new JournalEntry("je_x", "other", "USD", At, "", [Posting.Debit(Account.Refunds, 7), Posting.Credit(Account.PlatformRevenue, 7)]));
        ledger.Post(Payment("op_2", 200));

        var history = ledger.History(Receivable);

        Assert.Equal([("op_1", Side.Credit, 300L, -300L), ("op_2", Side.Credit, 200L, -500L)],
            history.Select(m => (m.Entry.IdempotencyKey, m.Side, m.AmountMinor, m.NetAfter)));
        Assert.Empty(ledger.History(Account.TaxPayable));
    }

    [Fact]
    public void The_trial_balance_lists_every_account_in_order_with_its_totals_and_is_balanced()
    {
        var ledger = new Ledger("USD");
        ledger.Post(Payment("op_1", 300));
        ledger.Post(new JournalEntry("je_x", "other", "USD", At, "", [Posting.Debit(Account.Refunds, 7), Posting.Credit(Account.PlatformRevenue, 7)]));

        var trial = ledger.TrialBalance();

        Assert.True(trial.Balanced);
        Assert.Equal(307, trial.TotalDebitMinor);
        Assert.Equal(307, trial.TotalCreditMinor);
        Assert.Equal(["customer-receivable:org_customer", "gateway-clearing:offline", "platform-revenue", "refunds"], trial.Accounts.Select(a => a.Account.ToString()));
    }

    [Fact]
    public void A_ledger_rebuilt_from_its_entries_has_the_same_balances()
    {
        var ledger = new Ledger("USD");
        ledger.Post(Payment("op_1", 300));
        ledger.Post(Payment("op_2", 200));

        var rebuilt = new Ledger("USD", ledger.Entries);

        Assert.Equal(ledger.TrialBalance().Accounts, rebuilt.TrialBalance().Accounts);
        Assert.Same(ledger.Entries[1], rebuilt.Find("op_2"));
    }

    [Fact]
    public void An_entry_that_would_overflow_the_totals_is_refused_whole()
    {
        var ledger = new Ledger("USD");
        ledger.Post(Payment("op_1", long.MaxValue - 10));

        Assert.Throws<OverflowException>(() => ledger.Post(Payment("op_2", 11)));

        Assert.Single(ledger.Entries);
        Assert.Null(ledger.Find("op_2"));
        Assert.True(ledger.TrialBalance().Balanced);
        Assert.Equal(long.MaxValue - 10, ledger.Balance(Clearing).DebitMinor);
    }
}
