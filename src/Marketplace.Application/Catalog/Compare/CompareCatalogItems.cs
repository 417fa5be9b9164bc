using FluentValidation;
using Marketplace.Abstractions.Errors;
using Marketplace.Application.Catalog.Items;
using Marketplace.Application.Common.Security;
using Marketplace.Domain.Catalog;
using Marketplace.Domain.Listings;
using Mediator;

namespace Marketplace.Application.Catalog.Compare;

/// <summary>Two to four published listings of one kind, attribute by attribute.</summary>
public sealed record CompareCatalogItems(IReadOnlyList<string> Ids) : IQuery<CatalogComparisonView>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Anyone;
}

public sealed record CatalogComparisonView(ListingKind Kind, IReadOnlyList<CatalogItem> Items, IReadOnlyList<ComparisonRow> Rows);

public sealed class CompareCatalogItemsValidator : AbstractValidator<CompareCatalogItems>
{
    public CompareCatalogItemsValidator() =>
        RuleFor(c => c.Ids).Must(ids => ids.Distinct().Count() is >= 2 and <= CatalogComparison.MaxItems)
            .WithMessage($"'ids' must name 2 to {CatalogComparison.MaxItems} different listings, separated by commas.");
}

public sealed class CompareCatalogItemsHandler(IGrainFactory grains) : IQueryHandler<CompareCatalogItems, CatalogComparisonView>
{
    public async ValueTask<CatalogComparisonView> Handle(CompareCatalogItems query, CancellationToken cancellationToken)
    {
        var ids = query.Ids.Distinct().ToList();
        var items = await Task.WhenAll(ids.Select(async id => await grains.PublishedItemAsync(id) ?? throw new NotFoundException("Catalog item", id)));
        var kinds = items.Select(i => i.Kind).Distinct().ToList();
        if (kinds.Count > 1)
        {
            throw new RequestValidationException("ids", $"Only listings of one kind can be compared; these are {string.Join(" and ", kinds)}.");
        }
        return new CatalogComparisonView(kinds[0], items, CatalogComparison.Rows(kinds[0], items.Select(i => i.Content).ToList()));
    }
}
