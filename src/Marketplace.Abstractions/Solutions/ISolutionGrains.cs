using Marketplace.Domain.Billing;
using Marketplace.Domain.Money;
using Marketplace.Domain.Solutions;

namespace Marketplace.Abstractions.Solutions;

/// <summary>
/// The commercial terms the operator maintains (key: 0): the platform's take rate, tax rates by
/// region and exchange rates. Quotes state the terms they were priced under.
/// </summary>
[Alias("Marketplace.IPlatformTermsGrain")]
public interface IPlatformTermsGrain : IGrainWithIntegerKey
{
    [Alias("GetAsync")]
    Task<PlatformTerms> GetAsync();

    [Alias("SetTakeRateAsync")]
    Task<PlatformTerms> SetTakeRateAsync(int basisPoints, string actor);

    /// <summary>Sets a region's tax rate; null removes it (no tax there).</summary>
    [Alias("SetTaxRateAsync")]
    Task<PlatformTerms> SetTaxRateAsync(string region, int? basisPoints, string actor);

    /// <summary>Sets a rate from one currency to another; null removes it.</summary>
    [Alias("SetExchangeRateAsync")]
    Task<PlatformTerms> SetExchangeRateAsync(string from, string to, long? micros, string actor);
}

[GenerateSerializer, Immutable, Alias("Marketplace.PlatformTerms")]
public sealed record PlatformTerms(
    [property: Id(0)] int TakeRateBasisPoints,
    [property: Id(1)] IReadOnlyDictionary<string, int> TaxRates,
    [property: Id(2)] IReadOnlyList<ExchangeRate> ExchangeRates,
    [property: Id(3)] DateTimeOffset? ChangedAt,
    [property: Id(4)] string? ChangedBy)
{
    public const int DefaultTakeRateBasisPoints = 1000;

    public PriceTerms ForRegion(string region) =>
        new(TakeRateBasisPoints, TaxRates.GetValueOrDefault(region), new ExchangeRates(ExchangeRates));
}

/// <summary>
/// One quote and its versions (key: quote id). Versions never change once issued; a re-quote adds
/// a version and supersedes the last. An open quote expires at its validity (a durable reminder).
/// </summary>
[Alias("Marketplace.IQuoteGrain")]
public interface IQuoteGrain : IGrainWithStringKey
{
    [Alias("IssueAsync")]
    Task<QuoteSnapshot> IssueAsync(string organizationId, QuoteVersion version, string actor);

    [Alias("GetAsync")]
    Task<QuoteSnapshot?> GetAsync();

    /// <summary>Adds a version priced now; only an open or expired quote can be re-quoted.</summary>
    [Alias("ReviseAsync")]
    Task<QuoteSnapshot> ReviseAsync(QuoteVersion version, string actor);

    /// <summary>Accepts the current version: creates its order. A quote is accepted once; an expired one cannot be.</summary>
    [Alias("AcceptAsync")]
    Task<QuoteAcceptance> AcceptAsync(string actor);
}

[GenerateSerializer, Immutable, Alias("Marketplace.QuoteSnapshot")]
public sealed record QuoteSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] string OrganizationId,
    [property: Id(2)] QuoteStatus Status,
    [property: Id(3)] IReadOnlyList<QuoteVersion> Versions,
    [property: Id(4)] string? OrderId,
    [property: Id(5)] DateTimeOffset? AcceptedAt)
{
    public QuoteVersion Current => Versions[^1];
}

[GenerateSerializer, Immutable, Alias("Marketplace.QuoteAcceptance")]
public sealed record QuoteAcceptance([property: Id(0)] string OrderId, [property: Id(1)] IReadOnlyList<string> InvoiceIds);

/// <summary>An accepted quote as an order (key: order id).</summary>
[Alias("Marketplace.IOrderGrain")]
public interface IOrderGrain : IGrainWithStringKey
{
    /// <summary>
    /// Places the order (idempotent: placed again, it is the order already there) and invoices what
    /// is bought outright; what runs for the term is invoiced monthly by a durable reminder.
    /// </summary>
    [Alias("PlaceAsync")]
    Task<OrderSnapshot> PlaceAsync(OrderSnapshot order, QuoteVersion version);

    [Alias("GetAsync")]
    Task<OrderSnapshot?> GetAsync();

    /// <summary>Issues the monthly invoices whose month has ended and are not issued yet; the reminder calls it daily.</summary>
    [Alias("InvoiceDueMonthsAsync")]
    Task<IReadOnlyList<string>> InvoiceDueMonthsAsync();
}

[GenerateSerializer, Immutable, Alias("Marketplace.OrderSnapshot")]
public sealed record OrderSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] string QuoteId,
    [property: Id(2)] int QuoteVersion,
    [property: Id(3)] string OrganizationId,
    [property: Id(4)] string Currency,
    [property: Id(5)] long TotalMinor,
    [property: Id(6)] IReadOnlyList<OrderLine> Lines,
    [property: Id(7)] DateTimeOffset PlacedAt,
    [property: Id(8)] string Status,
    [property: Id(9)] IReadOnlyList<string>? InvoiceIds = null,
    [property: Id(10)] IReadOnlyList<MeteredLine>? MeteredLines = null);

/// <summary>
/// An organisation's quotes and orders as a list (key: organisation id; <see cref="Everyone"/> for
/// the operator's view of all of them).
/// </summary>
[Alias("Marketplace.IQuoteBookGrain")]
public interface IQuoteBookGrain : IGrainWithStringKey
{
    public const string Everyone = "*";

    [Alias("RecordQuoteAsync")]
    Task RecordQuoteAsync(QuoteSummary quote);

    [Alias("RecordOrderAsync")]
    Task RecordOrderAsync(OrderSummary order);

    [Alias("QuotesAsync")]
    Task<IReadOnlyList<QuoteSummary>> QuotesAsync();

    [Alias("OrdersAsync")]
    Task<IReadOnlyList<OrderSummary>> OrdersAsync();
}

[GenerateSerializer, Immutable, Alias("Marketplace.QuoteSummary")]
public sealed record QuoteSummary(
    [property: Id(0)] string Id,
    [property: Id(1)] string OrganizationId,
    [property: Id(2)] QuoteStatus Status,
    [property: Id(3)] int Version,
    [property: Id(4)] string Currency,
    [property: Id(5)] long TotalMinor,
    [property: Id(6)] DateTimeOffset IssuedAt,
    [property: Id(7)] DateTimeOffset ValidUntil,
    [property: Id(8)] string Title);

[GenerateSerializer, Immutable, Alias("Marketplace.OrderSummary")]
public sealed record OrderSummary(
    [property: Id(0)] string Id,
    [property: Id(1)] string QuoteId,
    [property: Id(2)] string OrganizationId,
    [property: Id(3)] string Currency,
    [property: Id(4)] long TotalMinor,
    [property: Id(5)] DateTimeOffset PlacedAt,
    [property: Id(6)] string Title);
