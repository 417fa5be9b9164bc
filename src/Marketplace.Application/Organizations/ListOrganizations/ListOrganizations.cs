using Marketplace.Abstractions.Organizations;
using Marketplace.Application.Common.Security;
using Marketplace.Domain.Organizations;
using Mediator;

namespace Marketplace.Application.Organizations.ListOrganizations;

/// <summary>Every organisation, optionally of one type, for operators.</summary>
public sealed record ListOrganizations(OrganizationType? Type = null) : IQuery<IReadOnlyList<OrganizationSnapshot>>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Operator();
}

public sealed class ListOrganizationsHandler(IGrainFactory grains) : IQueryHandler<ListOrganizations, IReadOnlyList<OrganizationSnapshot>>
{
    public async ValueTask<IReadOnlyList<OrganizationSnapshot>> Handle(ListOrganizations query, CancellationToken cancellationToken)
    {
        var all = await grains.GetGrain<IOrganizationDirectoryGrain>(0).ListAsync();
        return query.Type is { } type ? all.Where(o => o.Type == type).ToList() : all;
    }
}
