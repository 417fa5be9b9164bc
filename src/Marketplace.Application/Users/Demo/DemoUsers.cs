using Marketplace.Abstractions.Organizations;
using Marketplace.Abstractions.Users;
using Marketplace.Domain.Catalog;
using Marketplace.Domain.Organizations;
using Microsoft.Extensions.Logging;

namespace Marketplace.Application.Users.Demo;

/// <summary>
/// Demo sign-ins for each kind of organisation (README lists them). Only in demo mode, which is
/// on by default in embedded mode and off in cluster mode.
/// </summary>
public sealed partial class DemoUsers(IGrainFactory grains, TimeProvider time, ILogger<DemoUsers> logger)
{
    public const string Password = "Demo-password-2026";

    public const string CustomerOrganizationId = "org_demo-acme-manufacturing";

    public static readonly IReadOnlyList<(string Email, string Name, string OrganizationId, MemberRole Role)> Users =
    [
        ("operator@marketplace.example", "Olga Operator", OrganizationRules.OperatorOrganizationId, MemberRole.Owner),
        ("reviewer@marketplace.example", "Rui Reviewer", OrganizationRules.OperatorOrganizationId, MemberRole.Member),
        ("models@lumen-ai-labs.example", "Mina Model-Vendor", SeedIds.Organization("lumen-ai-labs"), MemberRole.Owner),
        ("delivery@meridian-integration.example", "Ivo Integrator", SeedIds.Organization("meridian-integration"), MemberRole.Owner),
        ("sales@orbit-compute.example", "Hana Hardware", SeedIds.Organization("orbit-compute"), MemberRole.Owner),
        ("buyer@acme-manufacturing.example", "Bea Buyer", CustomerOrganizationId, MemberRole.Owner),
    ];

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        await grains.GetGrain<IOrganizationGrain>(OrganizationRules.OperatorOrganizationId)
            .EnsureAsync(OrganizationRules.OperatorOrganizationName, OrganizationType.Operator);
        await grains.GetGrain<IOrganizationGrain>(CustomerOrganizationId)
            .EnsureAsync("Acme Manufacturing (demo customer)", OrganizationType.Customer);
        foreach (var (email, name, organizationId, role) in Users)
        {
            var organization = grains.GetGrain<IOrganizationGrain>(organizationId);
            if (await organization.GetAsync() is null)
            {
                continue;
            }
            var user = grains.GetGrain<IUserGrain>(email);
            var snapshot = await user.GetAsync() ?? await user.RegisterAsync(name, Password, organizationId, role);
            await organization.AddMemberAsync(new OrganizationMember(snapshot.Id, email, snapshot.DisplayName, snapshot.Role, time.GetUtcNow()));
        }
        LogReady(Users.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo mode: {Count} demo users are in place (see README)")]
    private partial void LogReady(int count);
}
