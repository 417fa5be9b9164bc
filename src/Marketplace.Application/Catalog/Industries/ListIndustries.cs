using Marketplace.Application.Common.Security;
using Marketplace.Domain.Catalog;
using Mediator;

namespace Marketplace.Application.Catalog.Industries;

/// <summary>The industries of the catalog and their scenarios, for anyone.</summary>
public sealed record ListIndustries : IQuery<IReadOnlyList<Industry>>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Anyone;
}

public sealed class ListIndustriesHandler(IndustryCatalog industries) : IQueryHandler<ListIndustries, IReadOnlyList<Industry>>
{
    public ValueTask<IReadOnlyList<Industry>> Handle(ListIndustries query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(industries.All);
}
