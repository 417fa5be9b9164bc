using Marketplace.Abstractions.Organizations;
using Marketplace.Application.Common.Security;
using Marketplace.Application.Organizations;
using Mediator;

namespace Marketplace.Application.Users.ListMembers;

/// <summary>The portal users of an organisation.</summary>
public sealed record ListMembers(string OrganizationId) : IQuery<IReadOnlyList<OrganizationMember>>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Organization(OrganizationId);
}

public sealed class ListMembersHandler(IGrainFactory grains) : IQueryHandler<ListMembers, IReadOnlyList<OrganizationMember>>
{
    public async ValueTask<IReadOnlyList<OrganizationMember>> Handle(ListMembers query, CancellationToken cancellationToken) =>
        await (await grains.ExistingOrganizationAsync(query.OrganizationId)).ListMembersAsync();
}
