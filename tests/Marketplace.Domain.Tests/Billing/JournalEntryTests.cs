using Marketplace.Domain.Billing;

namespace Marketplace.Domain.Tests.Billing;

public sealed class JournalEntryTests
{
    private static readonly DateTimeOffset At = new(2026, 9, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Account Clearing = Account.GatewayClearing("offline");
    private static readonly Account Receivable = Account.CustomerReceivable("org_customer");

    private static JournalEntry Entry(string key, params Posting[] postings) => new(JournalEntry.IdFor(key), key, "USD", At, "test", postings);

    [Fact]
    public void Rejects_an_unbalanced_entry()
    {
        var error = Assert.Throws<ArgumentException>(() => Entry("k", Posting.Debit(Clearing, 1_000), Posting.Credit(Receivable, 999)));

        Assert.Contains("debits (1000) must equal credits (999)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_fewer_than_two_postings_and_amounts_that_are_not_positive()
    {
        Assert.Throws<ArgumentException>(() => Entry("k", Posting.Debit(Clearing, 0), Posting.Credit(Receivable, 0)));
        Assert.Throws<ArgumentException>(() => Entry("k", Posting.Debit(Clearing, -5), Posting.Credit(Receivable, -5)));
        Assert.Throws<ArgumentException>(() => Entry("k", Posting.Debit(Clearing, 5)));
        Assert.Throws<ArgumentException>(() => Entry("k"));
    }

    [Fact]
    public void Rejects_an_unknown_currency_a_missing_key_and_an_account_without_its_owner()
    {
        Posting[] balanced = [Posting.Debit(Clearing, 5), Posting.Credit(Receivable, 5)];

        Assert.Throws<ArgumentException>(() => new JournalEntry("je_1", "k", "XXX", At, "", balanced));
        Assert.Throws<ArgumentException>(() => new JournalEntry("je_1", " ", "USD", At, "", balanced));
        Assert.Throws<ArgumentException>(() => Entry("k", Posting.Debit(default, 5), Posting.Credit(Receivable, 5)));
        Assert.Throws<ArgumentException>(() => Account.PartnerPayable(""));
    }

    [Fact]
    public void Rejects_an_entry_whose_total_does_not_fit_a_long()
    {
        Assert.Throws<ArgumentException>(() => Entry("k",
            Posting.Debit(Clearing, long.MaxValue), Posting.Debit(Clearing, 1),
            Posting.Credit(Receivable, long.MaxValue), Posting.Credit(Receivable, 1)));
    }

    [Fact]
    public void A_reversal_posts_every_line_on_the_other_side_and_cancels_the_entry_exactly()
    {
        var payable = Account.PartnerPayable("org_partner");
        var entry = Entry("pay", Posting.Debit(Clearing, 1_001), Posting.Credit(Receivable, 1_001), Posting.Debit(Account.PartnerPending("org_partner"), 700), Posting.Credit(payable, 700));
        var ledger = new Ledger("USD");
        ledger.Post(entry);

        var reversal = JournalEntry.Reversal(entry, "pay:reversal", At.AddDays(1));
        Assert.Equal(PostOutcome.Posted, ledger.Post(reversal).Outcome);

        Assert.Equal(entry.Id, reversal.Reverses);
        Assert.Equal(entry.Postings.Select(p => (p.Account, p.Side == Side.Debit ? Side.Credit : Side.Debit, p.AmountMinor)),
            reversal.Postings.Select(p => (p.Account, p.Side, p.AmountMinor)));
        Assert.All(ledger.TrialBalance().Accounts, a => Assert.Equal(0, a.Net));
        Assert.Equal(2, ledger.Entries.Count);
    }

    [Fact]
    public void The_id_derives_from_the_key_so_a_rebuilt_retry_has_the_same_id()
    {
        Assert.Equal(JournalEntry.IdFor("inv_1:payment:op_7"), JournalEntry.IdFor("inv_1:payment:op_7"));
        Assert.NotEqual(JournalEntry.IdFor("inv_1:payment:op_7"), JournalEntry.IdFor("inv_1:payment:op_8"));
        Assert.True(Domain.Common.Identifiers.LooksLike(JournalEntry.IdFor("any key at all"), "je"));
    }

    [Fact]
    public void The_postings_of_an_entry_cannot_be_changed_through_a_cast()
    {
        var entry = Entry("k", Posting.Debit(Clearing, 5), Posting.Credit(Receivable, 5));

        Assert.False(entry.Postings is Posting[]);
        Assert.Throws<NotSupportedException>(() => ((IList<Posting>)entry.Postings)[0] = Posting.Debit(Clearing, 6));
    }
}
