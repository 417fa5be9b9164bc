namespace Marketplace.Domain.Billing;

public enum Side
{
    Debit,
    Credit,
}

/// <summary>One line of a journal entry: an amount in minor units on one side of one account.</summary>
public readonly record struct Posting(Account Account, Side Side, long AmountMinor)
{
    public static Posting Debit(Account account, long amountMinor) => new(account, Side.Debit, amountMinor);

    public static Posting Credit(Account account, long amountMinor) => new(account, Side.Credit, amountMinor);

    /// <summary>The same amount on the other side: what a reversal posts.</summary>
    public Posting Opposite() => this with { Side = Side == Side.Debit ? Side.Credit : Side.Debit };
}
