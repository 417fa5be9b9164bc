using Marketplace.Domain.Listings;
using Marketplace.Domain.Money;
using Marketplace.Domain.Solutions;

namespace Marketplace.Domain.Billing;

/// <summary>One line of an invoice: what a partner (or the tax authority) is owed for, and the take rate agreed on the quote.</summary>
public sealed record InvoiceLine(string PartnerId, string PartnerName, string Description, long AmountMinor, int TakeRateBasisPoints, bool IsTax)
{
    public RevenueLine ToRevenueLine() => IsTax ? RevenueLine.Tax(AmountMinor) : RevenueLine.Partner(PartnerId, AmountMinor, TakeRateBasisPoints);
}

/// <summary>
/// When an accepted quote's lines are invoiced: what is bought outright (hardware for a private
/// deployment, an on-premise licence, the integrator's fixed fee and days of work) at acceptance;
/// what runs for the term (a lease, a subscription, support) in equal monthly parts whose sum over
/// the term is the quoted amount exactly; usage-priced models from metered usage, not from the
/// schedule. Each invoice carries tax at the quote's rate on its own subtotal.
/// </summary>
public static class InvoiceSchedule
{
    /// <summary>Who tax lines are owed to until remitted: the marketplace collects it.</summary>
    public const string TaxName = "Tax (collected by the marketplace)";

    public static string TaxPartnerId => Organizations.OrganizationRules.OperatorOrganizationId;

    public static bool IsUpfront(QuoteLine line, DeploymentOption deployment) => line.Kind switch
    {
        LineKind.Hardware => deployment == DeploymentOption.Private,
        LineKind.ModelLicense or LineKind.IntegratorFixedFee or LineKind.IntegratorServices => true,
        _ => false,
    };

    public static bool IsMonthly(QuoteLine line, DeploymentOption deployment) => line.Kind switch
    {
        LineKind.Hardware => deployment != DeploymentOption.Private,
        LineKind.ModelSubscription or LineKind.IntegratorSupport => true,
        _ => false,
    };

    /// <summary>The invoice issued at acceptance; empty when nothing is bought outright.</summary>
    public static IReadOnlyList<InvoiceLine> Upfront(QuoteVersion version) =>
        WithTax(version, version.Lines.Where(l => IsUpfront(l, version.Requirements.Deployment))
            .Select(l => new InvoiceLine(l.PartnerId, l.PartnerName, l.Description, l.AmountMinor, version.TakeRateBasisPoints, false)).ToList());

    /// <summary>
    /// The invoice for month <paramref name="month"/> (1 to the term): the recurring lines' part and
    /// the month's rated usage (<see cref="Metering.Rate"/>), taxed together.
    /// </summary>
    public static IReadOnlyList<InvoiceLine> Monthly(QuoteVersion version, int month, IReadOnlyList<InvoiceLine>? usage = null)
    {
        var term = version.Requirements.TermMonths;
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, term);
        var weights = Enumerable.Repeat(1L, term).ToArray();
        var lines = version.Lines.Where(l => IsMonthly(l, version.Requirements.Deployment))
            .Select(l => new InvoiceLine(l.PartnerId, l.PartnerName, $"{l.Description} (month {month} of {term})",
                Splits.LargestRemainder(l.AmountMinor, weights)[month - 1], version.TakeRateBasisPoints, false))
            .Where(l => l.AmountMinor > 0)
            .Concat(usage ?? [])
            .ToList();
        return WithTax(version, lines);
    }

    private static IReadOnlyList<InvoiceLine> WithTax(QuoteVersion version, List<InvoiceLine> lines)
    {
        var tax = SolutionPricing.Tax(lines.Sum(l => l.AmountMinor), PriceTerms.Default with { TaxRateBasisPoints = version.TaxRateBasisPoints });
        if (tax > 0)
        {
            lines.Add(new InvoiceLine(TaxPartnerId, TaxName, $"Tax for {version.Requirements.Region} at {version.TaxRateBasisPoints / 100m:0.##} %", tax, 0, true));
        }
        return lines;
    }
}
