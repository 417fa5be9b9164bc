using Marketplace.Abstractions.Errors;
using Marketplace.Abstractions.Organizations;
using Marketplace.Application.Common.Security;
using Mediator;

namespace Marketplace.Application.Organizations.GetOrganization;

/// <summary>An organisation, for its own members and for operators.</summary>
public sealed record GetOrganization(string Id) : IQuery<OrganizationSnapshot>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Organization(Id);
}

public sealed class GetOrganizationHandler(IGrainFactory grains) : IQueryHandler<GetOrganization, OrganizationSnapshot>
{
    public async ValueTask<OrganizationSnapshot> Handle(GetOrganization query, CancellationToken cancellationToken) =>
        await grains.FindOrganizationAsync(query.Id) ?? throw new NotFoundException("Organization", query.Id);
}
