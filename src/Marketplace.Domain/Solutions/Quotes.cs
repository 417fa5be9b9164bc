using Marketplace.Domain.Money;

namespace Marketplace.Domain.Solutions;

public enum QuoteStatus
{
    Open,
    Accepted,
    Expired,

    /// <summary>A newer version of the quote replaced this one.</summary>
    Superseded,
}

/// <summary>A listing as it was quoted: the version is part of what the customer accepts.</summary>
public sealed record QuotedListing(string ListingId, string Name, string Version, string PartnerId);

/// <summary>A model role as quoted, with the figure it was sized from.</summary>
public sealed record QuotedModel(
    string Role,
    string Task,
    QuotedListing Listing,
    SizingBasis Basis,
    string BoundBy,
    double PerServerPerSecond,
    double? EfficiencyFactor,
    double? OutputTokensPerSecond);

/// <summary>
/// One line of a quote and how it will be shared when paid: the partner's part and the
/// platform's (its take rate), which sum to the line exactly. Tax lines are shared with nobody.
/// </summary>
public sealed record QuoteLine(string PartnerId, string PartnerName, string? ListingId, LineKind Kind, string Description, long AmountMinor, long PartnerShareMinor, long PlatformShareMinor, UsagePrice? Usage = null);

/// <summary>One immutable version of a quote: what was offered, at which prices, valid until when.</summary>
public sealed record QuoteVersion
{
    public required int Number { get; init; }

    public required DateTimeOffset IssuedAt { get; init; }

    public required DateTimeOffset ValidUntil { get; init; }

    public required SolutionRequirements Requirements { get; init; }

    public required IReadOnlyList<QuotedModel> Models { get; init; }

    public required QuotedListing Integrator { get; init; }

    /// <summary>The server offering; the customer's own accelerators are "owned" and not priced.</summary>
    public required QuotedListing Hardware { get; init; }

    public required int HardwareUnits { get; init; }

    public required string Currency { get; init; }

    public required long TotalMinor { get; init; }

    public required IReadOnlyList<QuoteLine> Lines { get; init; }

    public required int TakeRateBasisPoints { get; init; }

    public required int TaxRateBasisPoints { get; init; }

    /// <summary>The operator's rates the prices were converted with, stated on the quote.</summary>
    public IReadOnlyList<ExchangeRate> ExchangeRates { get; init; } = [];

    public required long CostPer1kMinor { get; init; }

    public long? CostPer1MOutputTokensMinor { get; init; }

    public required SizingBasis Basis { get; init; }

    public required string BoundBy { get; init; }

    public IEnumerable<QuotedListing> Listings => Models.Select(m => m.Listing).Append(Integrator).Append(Hardware);
}

/// <summary>An accepted quote: one line per partner (and tax), which billing invoices.</summary>
public sealed record OrderLine(string PartnerId, string PartnerName, string Description, long AmountMinor, long PartnerShareMinor, long PlatformShareMinor);

public static class QuoteRules
{
    public static readonly TimeSpan Validity = TimeSpan.FromDays(30);

    public const string OwnedHardwareId = "owned";

    /// <summary>Builds a version from a priced solution: lines with their split at the take rate.</summary>
    public static QuoteVersion Version(int number, Candidate candidate, SolutionProblem problem, DateTimeOffset now, string taxPartnerId, Func<string, string> partnerName)
    {
        var requirements = problem.Requirements;
        var terms = problem.Terms;
        var lines = SolutionPricing.Lines(candidate.Models.Select(m => (m.Role, m.Model)).ToList(), candidate.Integrator, candidate.Hardware, candidate.Servers, requirements, terms, taxPartnerId)
            .Select(l => Shared(l, terms.TakeRateBasisPoints, partnerName(l.PartnerId)))
            .ToList();
        var requests = SolutionPricing.ProjectedRequests(requirements);
        var generation = candidate.Models.Any(m => m.Model.Generates);
        var currencies = candidate.Models.Select(m => m.Model.Pricing.Currency)
            .Append(candidate.Integrator.Pricing.Currency).Append(candidate.Hardware.Pricing.Currency).Distinct();
        return new QuoteVersion
        {
            Number = number,
            IssuedAt = now,
            ValidUntil = now + Validity,
            Requirements = requirements,
            Models = candidate.Models.Select(m => new QuotedModel(
                m.Role.Role, m.Role.Task, Listing(m.Model.Id, m.Model.Name, m.Model.Version, m.Model.PartnerId), m.Sizing.Basis, m.Sizing.BoundBy,
                m.Sizing.PerServerPerSecond, m.Sizing.EfficiencyFactor, m.Sizing.OutputTokensPerSecond)).ToList(),
            Integrator = Listing(candidate.Integrator.Id, candidate.Integrator.Name, candidate.Integrator.Version, candidate.Integrator.PartnerId),
            Hardware = Listing(candidate.Hardware.Id, candidate.Hardware.Name, candidate.Hardware.Version, candidate.Hardware.PartnerId),
            HardwareUnits = candidate.Servers,
            Currency = requirements.Currency,
            TotalMinor = lines.Sum(l => l.AmountMinor),
            Lines = lines,
            TakeRateBasisPoints = terms.TakeRateBasisPoints,
            TaxRateBasisPoints = terms.TaxRateBasisPoints,
            ExchangeRates = currencies.Select(c => terms.Rates.RateFor(c, requirements.Currency)).OfType<ExchangeRate>().ToList(),
            CostPer1kMinor = SolutionPricing.Per1kMinor(candidate.TotalMinor, requests),
            CostPer1MOutputTokensMinor = generation ? SolutionPricing.Per1MTokensMinor(candidate.TotalMinor, requests * requirements.OutputTokens) : null,
            Basis = candidate.Basis,
            BoundBy = candidate.BoundBy,
        };
    }

    public static QuoteLine Shared(CostLine line, int takeRateBasisPoints, string partnerName)
    {
        if (line.Kind == LineKind.Tax)
        {
            return new QuoteLine(line.PartnerId, partnerName, line.ListingId, line.Kind, line.Description, line.AmountMinor, 0, 0);
        }
        var (partner, platform) = Splits.TakeRate(line.AmountMinor, takeRateBasisPoints);
        return new QuoteLine(line.PartnerId, partnerName, line.ListingId, line.Kind, line.Description, line.AmountMinor, partner, platform, line.Usage);
    }

    /// <summary>The order's lines: one per partner (its quote lines added up), then tax.</summary>
    public static IReadOnlyList<OrderLine> OrderLines(QuoteVersion version) =>
        version.Lines.GroupBy(l => (l.PartnerId, Tax: l.Kind == LineKind.Tax))
            .Select(g => new OrderLine(
                g.Key.PartnerId,
                g.First().PartnerName,
                string.Join("; ", g.Select(l => l.Description)),
                g.Sum(l => l.AmountMinor),
                g.Sum(l => l.PartnerShareMinor),
                g.Sum(l => l.PlatformShareMinor)))
            .ToList();

    public static bool IsExpired(QuoteVersion version, DateTimeOffset now) => now >= version.ValidUntil;

    private static QuotedListing Listing(string id, string name, string version, string partnerId) =>
        id == OwnedHardwareId ? new QuotedListing(id, name, "", "") : new QuotedListing(id, name, version, partnerId);
}

/// <summary>What a printed quote shows: the version, whom it is for, and its state.</summary>
public sealed record QuoteDocument(string QuoteId, string CustomerName, QuoteStatus Status, QuoteVersion Version);

/// <summary>Prints a quote for the customer to file and sign (the Documents connector renders a PDF).</summary>
public interface IQuotePrinter
{
    byte[] Print(QuoteDocument document);
}
