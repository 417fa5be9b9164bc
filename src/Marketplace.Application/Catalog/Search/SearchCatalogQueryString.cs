using System.Globalization;
using FluentValidation;
using Marketplace.Application.Common.Security;
using Marketplace.Domain.Catalog;
using Marketplace.Domain.Listings;
using Mediator;

namespace Marketplace.Application.Catalog.Search;

/// <summary>
/// The search as the API's query string carries it: every value as sent, so a value that does not
/// parse is reported by its parameter name (400) rather than dropped. Filters repeat or take
/// comma-separated values. Parsed, it is the same <see cref="SearchCatalog"/> the portal sends.
/// </summary>
public sealed record CatalogSearchParameters(
    string? Q = null,
    string[]? Kind = null,
    string[]? Industry = null,
    string[]? Task = null,
    string[]? License = null,
    string[]? Deployment = null,
    string[]? Region = null,
    string? MinPrice = null,
    string? MaxPrice = null,
    string? Currency = null,
    string? MinMemoryGb = null,
    string? MaxMemoryGb = null,
    string? Sort = null,
    string? Page = null,
    string? PageSize = null);

public sealed record SearchCatalogQueryString(CatalogSearchParameters Parameters) : IQuery<CatalogResult>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Anyone;

    /// <summary>Sort names as the query string spells them.</summary>
    public static readonly IReadOnlyDictionary<string, CatalogSort> Sorts = new Dictionary<string, CatalogSort>(StringComparer.Ordinal)
    {
        ["relevance"] = CatalogSort.Relevance,
        ["newest"] = CatalogSort.Newest,
        ["price-asc"] = CatalogSort.PriceAscending,
        ["price-desc"] = CatalogSort.PriceDescending,
        ["name"] = CatalogSort.Name,
    };

    internal static IReadOnlyList<string> Values(string[]? sent) =>
        sent?.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList() ?? [];

    internal static string? FirstUnknownKind(string[]? sent) => Values(sent).FirstOrDefault(v => !TryKind(v, out _));

    internal static bool TryKind(string value, out ListingKind kind) =>
        Enum.TryParse(value, ignoreCase: true, out kind) && Enum.IsDefined(kind) && !int.TryParse(value, out _);

    internal static long? Whole(string? text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value is >= int.MinValue and <= 10_000_000_000_000 ? value : null;

    internal static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;

    internal CatalogQuery ToQuery()
    {
        var p = Parameters;
        return new CatalogQuery
        {
            Text = string.IsNullOrEmpty(p.Q) ? null : p.Q,
            Kinds = Values(p.Kind).Select(v => TryKind(v, out var k) ? k : default).ToList(),
            Industries = Values(p.Industry),
            Tasks = Values(p.Task),
            Licenses = Values(p.License),
            Deployments = Values(p.Deployment),
            Regions = Values(p.Region),
            MinPriceMinor = Whole(p.MinPrice),
            MaxPriceMinor = Whole(p.MaxPrice),
            Currency = string.IsNullOrEmpty(p.Currency) ? "USD" : p.Currency.ToUpperInvariant(),
            MinAcceleratorMemoryGb = Number(p.MinMemoryGb),
            MaxAcceleratorMemoryGb = Number(p.MaxMemoryGb),
            Sort = string.IsNullOrEmpty(p.Sort) ? CatalogSort.Relevance : Sorts[p.Sort],
            Page = (int?)Whole(p.Page) ?? 1,
            PageSize = (int?)Whole(p.PageSize) ?? 20,
        };
    }
}

/// <summary>Each parameter must parse; ranges and the rest are then <see cref="SearchCatalogValidator"/>'s.</summary>
public sealed class SearchCatalogQueryStringValidator : AbstractValidator<SearchCatalogQueryString>
{
    public SearchCatalogQueryStringValidator()
    {
        // The parameter as a whole is named, however many values it carries.
        RuleFor(s => SearchCatalogQueryString.FirstUnknownKind(s.Parameters.Kind))
            .Null().OverridePropertyName("kind")
            .WithMessage($"'{{PropertyValue}}' is not one of {string.Join(", ", Enum.GetValues<ListingKind>().Select(CatalogFacets.KindValue))}.");
        foreach (var (name, value) in new (string, Func<CatalogSearchParameters, string?>)[] { ("minPrice", p => p.MinPrice), ("maxPrice", p => p.MaxPrice), ("page", p => p.Page), ("pageSize", p => p.PageSize) })
        {
            RuleFor(s => value(s.Parameters)).Must(t => string.IsNullOrEmpty(t) || SearchCatalogQueryString.Whole(t) is not null)
                .OverridePropertyName(name).WithMessage($"'{name}' must be a whole number.");
        }
        foreach (var (name, value) in new (string, Func<CatalogSearchParameters, string?>)[] { ("minMemoryGb", p => p.MinMemoryGb), ("maxMemoryGb", p => p.MaxMemoryGb) })
        {
            RuleFor(s => value(s.Parameters)).Must(t => string.IsNullOrEmpty(t) || SearchCatalogQueryString.Number(t) is not null)
                .OverridePropertyName(name).WithMessage($"'{name}' must be a number.");
        }
        RuleFor(s => s.Parameters.Sort).Must(t => string.IsNullOrEmpty(t) || SearchCatalogQueryString.Sorts.ContainsKey(t))
            .OverridePropertyName("sort").WithMessage($"'{{PropertyValue}}' is not one of {string.Join(", ", SearchCatalogQueryString.Sorts.Keys)}.");
    }
}

public sealed class SearchCatalogQueryStringHandler(IMediator mediator) : IQueryHandler<SearchCatalogQueryString, CatalogResult>
{
    /// <summary>Parsed, it is the portal's search, through the same validation and handler.</summary>
    public ValueTask<CatalogResult> Handle(SearchCatalogQueryString query, CancellationToken cancellationToken) =>
        mediator.Send(new SearchCatalog(query.ToQuery()), cancellationToken);
}
