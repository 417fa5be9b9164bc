using Marketplace.Abstractions.Sandbox;
using Marketplace.Abstractions.Usage;
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

public sealed class GetSandboxUsageHandler(IGrainFactory grains, IUsageLedger ledger) : IQueryHandler<GetSandboxUsage, SandboxUsage>
{
    /// <summary>The newest events first; older ones are read with <c>since</c>.</summary>
    private const int MaxEvents = 1000;

    public async ValueTask<SandboxUsage> Handle(GetSandboxUsage query, CancellationToken cancellationToken)
    {
        await grains.ExistingOrganizationAsync(query.OrganizationId);
        return new SandboxUsage(
            await grains.GetGrain<ISandboxQuotaGrain>(query.OrganizationId).GetAsync(),
            await ledger.ListAsync(query.OrganizationId, query.Since, MaxEvents, cancellationToken));
    }
}
