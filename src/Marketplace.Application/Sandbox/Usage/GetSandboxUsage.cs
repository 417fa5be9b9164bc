using Marketplace.Abstractions.Sandbox;
using Marketplace.Application.Common.Security;
using Marketplace.Application.Organizations;
using Marketplace.Domain.Sandbox;
using Mediator;

namespace Marketplace.Application.Sandbox.Usage;

/// <summary>An organisation's sandbox quota and its metered usage events (members and operators).</summary>
public sealed record GetSandboxUsage(string OrganizationId, DateTimeOffset? Since = null) : IQuery<SandboxUsage>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Organization(OrganizationId);
}

public sealed record SandboxUsage(QuotaStatus Quota, IReadOnlyList<UsageEvent> Events);

public sealed class GetSandboxUsageHandler(IGrainFactory grains) : IQueryHandler<GetSandboxUsage, SandboxUsage>
{
    public async ValueTask<SandboxUsage> Handle(GetSandboxUsage query, CancellationToken cancellationToken)
    {
        await grains.ExistingOrganizationAsync(query.OrganizationId);
        return new SandboxUsage(
            await grains.GetGrain<ISandboxQuotaGrain>(query.OrganizationId).GetAsync(),
            await grains.GetGrain<IUsageMeterGrain>(query.OrganizationId).ListAsync(query.Since));
    }
}
