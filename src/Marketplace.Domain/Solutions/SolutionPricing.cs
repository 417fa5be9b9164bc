using Marketplace.Domain.Listings;
using Marketplace.Domain.Money;

namespace Marketplace.Domain.Solutions;

/// <summary>
/// The commercial terms a quote is priced under: the platform's take rate (taken from each
/// partner's line, shown in the split, not added to the price), the tax rate of the customer's
/// region, and the operator's exchange rates.
/// </summary>
public sealed record PriceTerms(int TakeRateBasisPoints, int TaxRateBasisPoints, ExchangeRates Rates)
{
    public static PriceTerms Default { get; } = new(TakeRateBasisPoints: 1000, TaxRateBasisPoints: 0, ExchangeRates.None);
}

public enum LineKind
{
    Hardware,
    ModelLicense,
    ModelSubscription,
    ModelUsage,
    IntegratorFixedFee,
    IntegratorServices,
    IntegratorSupport,
    Tax,
}

/// <summary>
/// One line of a solution's price: who is paid, for what, how much (minor units of the quote's
/// currency). A usage-priced line also carries the agreed price per 1,000 units, converted once,
/// which metered usage is rated at; its amount is only the projection.
/// </summary>
public sealed record CostLine(string PartnerId, string? ListingId, LineKind Kind, string Description, long AmountMinor, UsagePrice? Usage = null);

/// <summary>A price per 1,000 units of a usage dimension (<see cref="Vocabulary.UsageUnits"/>), in the quote's currency.</summary>
public sealed record UsagePrice(string Unit, long Per1kMinor);

/// <summary>What a listing costs in a solution: a part that does not grow with servers, and one per server.</summary>
public readonly record struct Price(long FixedMinor, long PerServerMinor)
{
    public long For(int servers) => checked(FixedMinor + (PerServerMinor * servers));
}

/// <summary>
/// Prices in integer minor units: hardware bought (private) or leased for the term (cloud); a model by
/// its on-premise licence per server (private), else its monthly fee over the term, else its price per
/// 1k inferences over the projected volume; an integrator's fixed fee, day rate × project days and
/// monthly support over the term; tax on the total at the region's rate. Prices in another currency
/// are converted with the operator's table only.
/// </summary>
public static class SolutionPricing
{
    public const double HoursPerMonth = 730;

    /// <summary>Requests over the term at the average rate: the volume usage prices and unit costs are computed on.</summary>
    public static long ProjectedRequests(SolutionRequirements requirements) =>
        (long)Math.Round(requirements.AverageRequests * 3600 * HoursPerMonth * requirements.TermMonths, MidpointRounding.AwayFromZero);

    public static (Price? Price, string? Refusal) Hardware(HardwareOffer hardware, SolutionRequirements requirements, PriceTerms terms)
    {
        if (hardware.Owned)
        {
            return (new Price(0, 0), null);
        }
        var pricing = hardware.Pricing;
        long? perServer = requirements.Deployment == DeploymentOption.Private
            ? pricing.PurchasePriceMinor
            : pricing.MonthlyLeaseMinor is { } lease ? checked(lease * requirements.TermMonths) : null;
        if (perServer is null)
        {
            return (null, requirements.Deployment == DeploymentOption.Private ? "it has no purchase price for an on-premise deployment" : "it has no monthly lease for a cloud deployment");
        }
        return Convert(perServer.Value, pricing.Currency, requirements, terms) is { } converted
            ? (new Price(0, converted), null)
            : (null, NoRate(pricing.Currency, requirements));
    }

    public static (Price? Price, string? Refusal) Model(ModelOffer model, SolutionRequirements requirements, PriceTerms terms)
    {
        var pricing = model.Pricing;
        var months = requirements.TermMonths;
        Price? price = ModelPriceKind(pricing, requirements.Deployment) switch
        {
            LineKind.ModelLicense => new Price(0, pricing.OnPremLicenseMinor!.Value),
            LineKind.ModelSubscription => new Price(checked(pricing.MonthlyMinor!.Value * months), 0),
            LineKind.ModelUsage => new Price(UsageMinor(pricing.Per1kInferencesMinor!.Value, ProjectedRequests(requirements)), 0),
            _ => null,
        };
        if (price is not { } p)
        {
            return (null, "it has no price for this deployment (an on-premise licence, a monthly fee or a price per 1k inferences)");
        }
        var fixedPart = Convert(p.FixedMinor, pricing.Currency, requirements, terms);
        var perServer = Convert(p.PerServerMinor, pricing.Currency, requirements, terms);
        return fixedPart is null || perServer is null ? (null, NoRate(pricing.Currency, requirements)) : (new Price(fixedPart.Value, perServer.Value), null);
    }

    /// <summary>
    /// How a model is paid for in a deployment: on premises its licence, else its subscription (packaging,
    /// updates, support), else usage; hosted, by usage at its price per 1,000 when it has one (metered
    /// and invoiced monthly), else its subscription for hosted capacity. Null when it has no such price.
    /// </summary>
    public static LineKind? ModelPriceKind(Listings.ListingPricing pricing, DeploymentOption deployment) => deployment switch
    {
        DeploymentOption.Private when pricing.OnPremLicenseMinor is not null => LineKind.ModelLicense,
        DeploymentOption.Private when pricing.MonthlyMinor is not null => LineKind.ModelSubscription,
        _ when pricing.Per1kInferencesMinor is not null => LineKind.ModelUsage,
        _ when pricing.MonthlyMinor is not null => LineKind.ModelSubscription,
        _ => null,
    };

    public static (long? Minor, string? Refusal) Integrator(IntegratorOffer integrator, SolutionRequirements requirements, PriceTerms terms)
    {
        var parts = IntegratorParts(integrator, requirements);
        if (parts.Count == 0)
        {
            return (null, "it has no price (fixed fee, day rate or monthly support)");
        }
        if (!terms.Rates.CanConvert(integrator.Pricing.Currency, requirements.Currency))
        {
            return (null, NoRate(integrator.Pricing.Currency, requirements));
        }
        // Each part converted on its own, exactly as the quote's lines show them.
        return (parts.Sum(p => Convert(p.Minor, integrator.Pricing.Currency, requirements, terms)!.Value), null);
    }

    private static List<(LineKind Kind, long Minor, string What)> IntegratorParts(IntegratorOffer integrator, SolutionRequirements requirements)
    {
        var pricing = integrator.Pricing;
        var parts = new List<(LineKind, long, string)>();
        if (pricing.FixedFeeMinor is { } fixedFee)
        {
            parts.Add((LineKind.IntegratorFixedFee, fixedFee, "fixed fee"));
        }
        if (pricing.DayRateMinor is { } day)
        {
            parts.Add((LineKind.IntegratorServices, checked(day * integrator.ProjectDays), $"{integrator.ProjectDays} days of delivery"));
        }
        if (pricing.MonthlySupportMinor is { } support)
        {
            parts.Add((LineKind.IntegratorSupport, checked(support * requirements.TermMonths), $"support for {requirements.TermMonths} months"));
        }
        return parts;
    }

    /// <summary>The tax on a subtotal at the region's rate, rounded half away from zero.</summary>
    public static long Tax(long subtotal, PriceTerms terms) => ExchangeRates.Divide((Int128)subtotal * terms.TaxRateBasisPoints, 10_000);

    public static long Total(long subtotal, PriceTerms terms) => checked(subtotal + Tax(subtotal, terms));

    /// <summary>
    /// The quote's lines for one solution, partner by partner; they sum to <see cref="Total"/> of
    /// the partners' subtotal. Each converted amount is converted once, as the optimiser priced it.
    /// </summary>
    public static IReadOnlyList<CostLine> Lines(
        IReadOnlyList<(SolutionRole Role, ModelOffer Model)> models, IntegratorOffer integrator, HardwareOffer hardware, int servers,
        SolutionRequirements requirements, PriceTerms terms, string taxPartnerId)
    {
        var lines = new List<CostLine>();
        var months = requirements.TermMonths;
        if (!hardware.Owned && Hardware(hardware, requirements, terms).Price is { } hw)
        {
            lines.Add(new CostLine(hardware.PartnerId, hardware.Id, LineKind.Hardware,
                requirements.Deployment == DeploymentOption.Private
                    ? $"{hardware.Name}: {servers} × server, purchase"
                    : $"{hardware.Name}: {servers} × server, lease for {months} months",
                hw.For(servers)));
        }
        foreach (var (role, model) in models)
        {
            var price = Model(model, requirements, terms).Price!.Value;
            var kind = ModelPriceKind(model.Pricing, requirements.Deployment)!.Value;
            var what = kind switch
            {
                LineKind.ModelLicense => $"on-premise licence for {servers} × server",
                LineKind.ModelSubscription => $"subscription for {months} months",
                _ => $"{ProjectedRequests(requirements):N0} inferences projected over {months} months",
            };
            var usage = kind == LineKind.ModelUsage && Convert(model.Pricing.Per1kInferencesMinor!.Value, model.Pricing.Currency, requirements, terms) is { } per1k
                ? new UsagePrice(Vocabulary.UsageUnits.Inference, per1k)
                : null;
            lines.Add(new CostLine(model.PartnerId, model.Id, kind, $"{model.Name} ({role.Role}): {what}", price.For(servers), usage));
        }
        foreach (var (kind, minor, what) in IntegratorParts(integrator, requirements))
        {
            lines.Add(new CostLine(integrator.PartnerId, integrator.Id, kind, $"{integrator.Name}: {what}", Convert(minor, integrator.Pricing.Currency, requirements, terms)!.Value));
        }
        var subtotal = lines.Sum(l => l.AmountMinor);
        var tax = Tax(subtotal, terms);
        if (tax > 0)
        {
            lines.Add(new CostLine(taxPartnerId, null, LineKind.Tax, $"Tax for {requirements.Region} at {terms.TaxRateBasisPoints / 100m:0.##} %", tax));
        }
        return lines;
    }

    /// <summary>Per 1k inferences, rounded up so a unit price never promises less than the quote costs.</summary>
    public static long Per1kMinor(long totalMinor, long requests) =>
        requests <= 0 ? 0 : (long)((((Int128)totalMinor * 1_000) + requests - 1) / requests);

    /// <summary>Per 1M output tokens of a generation role, rounded up.</summary>
    public static long Per1MTokensMinor(long totalMinor, long tokens) =>
        tokens <= 0 ? 0 : (long)((((Int128)totalMinor * 1_000_000) + tokens - 1) / tokens);

    private static long UsageMinor(long per1k, long requests) => (long)((((Int128)per1k * requests) + 999) / 1000);

    private static long? Convert(long minor, string currency, SolutionRequirements requirements, PriceTerms terms) =>
        terms.Rates.CanConvert(currency, requirements.Currency) ? terms.Rates.Convert(minor, currency, requirements.Currency) : null;

    private static string NoRate(string currency, SolutionRequirements requirements) =>
        $"it is priced in {currency} and the operator's table has no {currency}→{requirements.Currency} rate";
}
