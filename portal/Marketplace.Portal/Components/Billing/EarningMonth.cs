using System.Globalization;
using Marketplace.Abstractions.Billing;

namespace Marketplace.Portal.Components.Billing;

/// <summary>
/// A partner's movements per calendar month (UTC): what it earned (the positive lines) and what
/// left its payable (clawbacks and payouts, the negative lines, as a positive amount), in exact
/// minor units. Months without movements between the first and the last are there as zeros, so
/// the chart's axis is time.
/// </summary>
public sealed record EarningMonth(string Label, long EarnedMinor, long OutMinor)
{
    /// <summary>At most this many months are drawn: the latest ones.</summary>
    public const int MaxMonths = 24;

    public static IReadOnlyList<EarningMonth> Of(IEnumerable<EarningLine> lines)
    {
        var byMonth = lines.GroupBy(l => MonthOf(l.At)).ToDictionary(
            g => g.Key,
            g => (Earned: g.Where(l => l.AmountMinor > 0).Sum(l => l.AmountMinor), Out: g.Where(l => l.AmountMinor < 0).Sum(l => -l.AmountMinor)));
        if (byMonth.Count == 0)
        {
            return [];
        }
        var last = byMonth.Keys.Max();
        var first = byMonth.Keys.Min();
        if (first < last.AddMonths(1 - MaxMonths))
        {
            first = last.AddMonths(1 - MaxMonths);
        }
        var months = new List<EarningMonth>();
        for (var month = first; month <= last; month = month.AddMonths(1))
        {
            var (earned, spent) = byMonth.GetValueOrDefault(month);
            months.Add(new EarningMonth(month.ToString("yyyy-MM", CultureInfo.InvariantCulture), earned, spent));
        }
        return months;
    }

    private static DateOnly MonthOf(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        return new DateOnly(utc.Year, utc.Month, 1);
    }
}
