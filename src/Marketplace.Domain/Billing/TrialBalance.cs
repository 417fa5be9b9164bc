namespace Marketplace.Domain.Billing;

/// <summary>Every account with its total debits and credits, in account order; balanced when the totals agree.</summary>
public sealed record TrialBalance(string Currency, IReadOnlyList<AccountBalance> Accounts)
{
    public long TotalDebitMinor => Accounts.Sum(a => a.DebitMinor);

    public long TotalCreditMinor => Accounts.Sum(a => a.CreditMinor);

    public bool Balanced => TotalDebitMinor == TotalCreditMinor;
}
