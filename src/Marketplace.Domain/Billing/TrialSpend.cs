using System.Globalization;
using Marketplace.Domain.Money;

namespace Marketplace.Domain.Billing;

/// <summary>What a customer lets paid sandbox trials cost in a calendar month (UTC), in one currency.</summary>
public sealed record SpendCap(long MonthlyCapMinor, string Currency);

/// <summary>
/// One trial beyond the organisation's free quota, priced at the model's price per 1,000 inferences.
/// Its cost is kept in thousandths of a minor unit (price × inferences) so that no rounding
/// happens per trial; the month's invoice rounds once per model.
/// </summary>
public sealed record TrialCharge(string TrialId, string ListingId, string ModelName, string PartnerId, string PartnerName, string Currency, long Per1kMinor, int Inferences)
{
    public long CostMilliMinor => checked(Per1kMinor * Inferences);
}

/// <summary>The answer to "may this paid trial run?": refused with the reason, or allowed with a warning past 80 % of the cap.</summary>
public sealed record SpendDecision(bool Allowed, string? Reason, string? Warning, long SpentMinor, long? CapMinor, string Currency);

/// <summary>
/// Spend caps on paid trials: paid trials are opt-in (no cap, no paid trials), stop when the next
/// one would pass the cap (the caller answers 429 naming the cap) and warn from 80 % of it.
/// </summary>
public static class SpendCaps
{
    public const int WarnAtBasisPoints = 8_000;

    /// <summary>From <see cref="WarnAtBasisPoints"/> of the cap on, paid trials carry a warning.</summary>
    public static bool Warns(long spent, long cap) => (Int128)spent * 10_000 >= (Int128)cap * WarnAtBasisPoints;

    public static string MonthOf(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static DateTimeOffset MonthEnd(DateTimeOffset at) => new DateTimeOffset(at.UtcDateTime.Year, at.UtcDateTime.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1);

    /// <summary>Spent so far in whole minor units, rounded up (what the cap is compared with is never understated).</summary>
    public static long SpentMinor(long spentMilliMinor) => (spentMilliMinor + 999) / 1000;

    public static SpendDecision Decide(SpendCap? cap, long spentMilliMinor, TrialCharge charge)
    {
        if (cap is null || cap.MonthlyCapMinor <= 0)
        {
            return Refused("The free sandbox quota for today is used up, and paid trials are off: set a monthly spend cap to keep trying models at their listed price.",
                spentMilliMinor, cap?.MonthlyCapMinor, charge.Currency);
        }
        var capText = Currency.Format(cap.MonthlyCapMinor, cap.Currency);
        if (!string.Equals(cap.Currency, charge.Currency, StringComparison.Ordinal))
        {
            return Refused($"This model is priced in {charge.Currency}, and your monthly spend cap of {capText} is in {cap.Currency}.", spentMilliMinor, cap.MonthlyCapMinor, cap.Currency);
        }
        var after = checked(spentMilliMinor + charge.CostMilliMinor);
        var limit = checked(cap.MonthlyCapMinor * 1000);
        if (after > limit)
        {
            return Refused($"The monthly spend cap of {capText} for paid sandbox trials is reached ({Currency.Format(SpentMinor(spentMilliMinor), cap.Currency)} spent this month); raise the cap or wait for next month.",
                spentMilliMinor, cap.MonthlyCapMinor, cap.Currency);
        }
        var warning = Warns(after, limit)
            ? $"{Currency.Format(SpentMinor(after), cap.Currency)} of your monthly spend cap of {capText} is used ({(int)((Int128)after * 100 / limit)} %)."
            : null;
        return new SpendDecision(true, null, warning, SpentMinor(after), cap.MonthlyCapMinor, cap.Currency);
    }

    private static SpendDecision Refused(string reason, long spentMilliMinor, long? cap, string currency) =>
        new(false, reason, null, SpentMinor(spentMilliMinor), cap, currency);

}
