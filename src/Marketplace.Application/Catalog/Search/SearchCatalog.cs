using FluentValidation;
using Marketplace.Application.Common.Security;
using Marketplace.Domain.Catalog;
using Marketplace.Domain.Money;
using Mediator;

namespace Marketplace.Application.Catalog.Search;

/// <summary>Full-text and faceted search over published listings, for anyone.</summary>
public sealed record SearchCatalog(CatalogQuery Query) : IQuery<CatalogResult>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Anyone;
}

public sealed class SearchCatalogValidator : AbstractValidator<SearchCatalog>
{
    public SearchCatalogValidator()
    {
        // Field names are the query-string parameters a caller sent.
        RuleFor(s => s.Query.Text).MaximumLength(200).OverridePropertyName("q");
        RuleFor(s => s.Query.Page).GreaterThanOrEqualTo(1).LessThanOrEqualTo(10_000).OverridePropertyName("page");
        RuleFor(s => s.Query.PageSize).InclusiveBetween(1, CatalogQuery.MaxPageSize).OverridePropertyName("pageSize");
        RuleFor(s => s.Query.Currency).Must(Currency.IsSupported).OverridePropertyName("currency")
            .WithMessage($"'currency' must be one of {string.Join(", ", Currency.Supported)}.");
        RuleFor(s => s.Query.MinPriceMinor).GreaterThanOrEqualTo(0).OverridePropertyName("minPrice");
        RuleFor(s => s.Query.MaxPriceMinor).GreaterThanOrEqualTo(s => s.Query.MinPriceMinor ?? 0).OverridePropertyName("maxPrice")
            .WithMessage("'maxPrice' must not be below 'minPrice'.");
        RuleFor(s => s.Query.MinAcceleratorMemoryGb).GreaterThanOrEqualTo(0).OverridePropertyName("minMemoryGb");
        RuleFor(s => s.Query.MaxAcceleratorMemoryGb).GreaterThanOrEqualTo(s => s.Query.MinAcceleratorMemoryGb ?? 0).OverridePropertyName("maxMemoryGb")
            .WithMessage("'maxMemoryGb' must not be below 'minMemoryGb'.");
        RuleForEach(s => s.Query.Kinds).IsInEnum().OverridePropertyName("kind");
    }
}

public sealed class SearchCatalogHandler(ICatalogSearch search) : IQueryHandler<SearchCatalog, CatalogResult>
{
    public ValueTask<CatalogResult> Handle(SearchCatalog query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(search.Search(query.Query));
}
