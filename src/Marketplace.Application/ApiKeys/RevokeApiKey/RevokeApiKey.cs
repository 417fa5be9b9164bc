using Marketplace.Abstractions.Organizations;
using Marketplace.Application.Common.Security;
using Marketplace.Application.Organizations;
using Marketplace.Domain.Organizations;
using Mediator;

namespace Marketplace.Application.ApiKeys.RevokeApiKey;

/// <summary>Revokes a key: the next request carrying it is refused on this silo, and on every silo within a second.</summary>
public sealed record RevokeApiKey(string OrganizationId, string KeyId) : ICommand<ApiKeySummary>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Organization(OrganizationId, MemberRole.Owner);
}

public sealed class RevokeApiKeyHandler(IGrainFactory grains, ApiKeyCache keys) : ICommandHandler<RevokeApiKey, ApiKeySummary>
{
    public async ValueTask<ApiKeySummary> Handle(RevokeApiKey command, CancellationToken cancellationToken)
    {
        var revoked = await (await grains.ExistingOrganizationAsync(command.OrganizationId)).RevokeApiKeyAsync(command.KeyId);
        keys.Forget(command.KeyId);
        return revoked;
    }
}
