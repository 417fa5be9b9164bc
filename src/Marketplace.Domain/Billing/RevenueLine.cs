namespace Marketplace.Domain.Billing;

public enum RevenueLineKind
{
    /// <summary>A partner's line: split between the partner and the platform by the take rate.</summary>
    Partner,

    /// <summary>The platform's own line (a fee): all of it is the platform's.</summary>
    Platform,

    /// <summary>Tax: all of it is owed to the tax authority.</summary>
    Tax,
}

/// <summary>
/// One line of an invoice as revenue share sees it: whose money it is, how much, and for a
/// partner's line the take rate in basis points agreed on the quote (not today's rate).
/// </summary>
public sealed record RevenueLine(RevenueLineKind Kind, string? PartnerId, long AmountMinor, int TakeRateBasisPoints)
{
    public static RevenueLine Partner(string partnerId, long amountMinor, int takeRateBasisPoints) =>
        new(RevenueLineKind.Partner, partnerId, amountMinor, takeRateBasisPoints);

    public static RevenueLine Platform(long amountMinor) => new(RevenueLineKind.Platform, null, amountMinor, 0);

    public static RevenueLine Tax(long amountMinor) => new(RevenueLineKind.Tax, null, amountMinor, 0);
}
