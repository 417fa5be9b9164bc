using Marketplace.Abstractions.Solutions;
using Marketplace.Application.Catalog;
using Marketplace.Domain.Money;
using Marketplace.Domain.Solutions;

namespace Marketplace.Application.Solutions.Quotes;

/// <summary>A listing on the quote that changed since: no longer offered, or a newer version published.</summary>
public sealed record QuoteChange(string ListingId, string Name, string QuotedVersion, string? CurrentVersion, string Note);

public sealed record QuoteVersionSummary(int Version, DateTimeOffset IssuedAt, long TotalMinor);

/// <summary>A quote as the customer and the operator read it: the current version in full, and its history.</summary>
public sealed record QuoteView(
    string Id,
    string OrganizationId,
    int Version,
    QuoteStatus Status,
    string Currency,
    long TotalMinor,
    DateTimeOffset IssuedAt,
    DateTimeOffset ValidUntil,
    IReadOnlyList<QuoteLine> Lines,
    IReadOnlyList<QuotedModel> Models,
    QuotedListing Integrator,
    QuotedListing Hardware,
    int HardwareUnits,
    SolutionRequirements Requirements,
    long CostPer1kMinor,
    long? CostPer1MOutputTokensMinor,
    SizingBasis Basis,
    string BoundBy,
    int TakeRateBasisPoints,
    int TaxRateBasisPoints,
    IReadOnlyList<ExchangeRate> ExchangeRates,
    string? OrderId,
    IReadOnlyList<QuoteChange> Changes,
    IReadOnlyList<QuoteVersionSummary> Versions)
{
    public static QuoteView Of(QuoteSnapshot quote, ICatalogSearch catalog)
    {
        var v = quote.Current;
        return new QuoteView(
            quote.Id, quote.OrganizationId, v.Number, quote.Status, v.Currency, v.TotalMinor, v.IssuedAt, v.ValidUntil, v.Lines,
            v.Models, v.Integrator, v.Hardware, v.HardwareUnits, v.Requirements, v.CostPer1kMinor, v.CostPer1MOutputTokensMinor,
            v.Basis, v.BoundBy, v.TakeRateBasisPoints, v.TaxRateBasisPoints, v.ExchangeRates, quote.OrderId,
            quote.Status == QuoteStatus.Accepted ? [] : ChangesSince(v, catalog),
            quote.Versions.Select(x => new QuoteVersionSummary(x.Number, x.IssuedAt, x.TotalMinor)).ToList());
    }

    /// <summary>Listings deprecated or re-versioned since this version was issued; re-quoting offers the current ones.</summary>
    public static IReadOnlyList<QuoteChange> ChangesSince(QuoteVersion version, ICatalogSearch catalog) =>
        version.Listings
            .Where(l => l.ListingId != QuoteRules.OwnedHardwareId)
            .Select(l => (Listing: l, Current: catalog.Get(l.ListingId)?.Version))
            .Where(x => x.Current != x.Listing.Version)
            .Select(x => new QuoteChange(x.Listing.ListingId, x.Listing.Name, x.Listing.Version, x.Current,
                x.Current is null ? "no longer offered: re-quote for an alternative" : $"version {x.Current} is now offered: re-quote for its prices"))
            .ToList();
}
