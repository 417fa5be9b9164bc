using Marketplace.Domain.Money;

namespace Marketplace.Domain.Billing;

/// <summary>
/// Prices metered usage at a per-1,000 price in minor units. A period's quantity is rated once, as
/// a total, so rounding (half away from zero, as currency conversion does) happens once per line
/// rather than once per event.
/// </summary>
public static class UsageRating
{
    public static long AmountMinor(long quantity, long pricePer1kMinor)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(quantity);
        ArgumentOutOfRangeException.ThrowIfNegative(pricePer1kMinor);
        return ExchangeRates.Divide((Int128)quantity * pricePer1kMinor, 1000);
    }
}
