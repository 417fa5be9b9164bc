namespace Marketplace.Domain.Billing;

/// <summary>
/// The totals of one account. <see cref="Net"/> is debit-positive, the one sign convention of
/// the trial balance; <see cref="OnNormalSide"/> is the figure people expect to read (a payable
/// owed to a partner is positive, a clawback it owes back negative).
/// </summary>
public readonly record struct AccountBalance(Account Account, long DebitMinor, long CreditMinor)
{
    public long Net => DebitMinor - CreditMinor;

    public long OnNormalSide => Account.NormalSide == Side.Debit ? Net : -Net;
}
