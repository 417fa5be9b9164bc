using Marketplace.Abstractions.Organizations;
using Marketplace.Application.Common.Security;
using Marketplace.Application.Organizations;
using Marketplace.Domain.Organizations;
using Mediator;

namespace Marketplace.Application.ApiKeys.ListApiKeys;

/// <summary>The organisation's keys without their secrets.</summary>
public sealed record ListApiKeys(string OrganizationId) : IQuery<IReadOnlyList<ApiKeySummary>>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Organization(OrganizationId, MemberRole.Owner);
}

public sealed class ListApiKeysHandler(IGrainFactory grains) : IQueryHandler<ListApiKeys, IReadOnlyList<ApiKeySummary>>
{
    public async ValueTask<IReadOnlyList<ApiKeySummary>> Handle(ListApiKeys query, CancellationToken cancellationToken) =>
        await (await grains.ExistingOrganizationAsync(query.OrganizationId)).ListApiKeysAsync();
}
