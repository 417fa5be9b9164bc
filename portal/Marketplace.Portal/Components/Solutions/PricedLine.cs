using Marketplace.Application.Solutions;
using Marketplace.Domain.Solutions;

namespace Marketplace.Portal.Components.Solutions;

/// <summary>A priced line as the portal shows it, from a candidate, a quote or an order alike.</summary>
public sealed record PricedLine(string PartnerName, string Description, long AmountMinor, long PartnerShareMinor, long PlatformShareMinor)
{
    public const string PlatformName = "Marketplace (platform fee)";

    public static PricedLine Of(LineView line) => new(line.PartnerName, line.Description, line.AmountMinor, line.PartnerShareMinor, line.PlatformShareMinor);

    public static PricedLine Of(QuoteLine line) => new(line.PartnerName, line.Description, line.AmountMinor, line.PartnerShareMinor, line.PlatformShareMinor);

    public static PricedLine Of(OrderLine line) => new(line.PartnerName, line.Description, line.AmountMinor, line.PartnerShareMinor, line.PlatformShareMinor);

    /// <summary>
    /// Who receives what when the lines are paid: each partner its shares, the platform its take; the
    /// parts sum to the lines' total exactly, so the chart and the table never disagree.
    /// </summary>
    public static IReadOnlyList<(string Name, long AmountMinor)> Split(IEnumerable<PricedLine> lines)
    {
        var list = lines.ToList();
        var parts = list.GroupBy(l => l.PartnerName).Select(g => (g.Key, g.Sum(l => l.PartnerShareMinor))).OrderByDescending(p => p.Item2).ToList();
        var platform = list.Sum(l => l.PlatformShareMinor);
        return platform > 0 ? [.. parts, (PlatformName, platform)] : parts;
    }
}
