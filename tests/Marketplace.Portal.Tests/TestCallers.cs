using System.Security.Claims;
using Marketplace.Application.Common.Security;
using Marketplace.Domain.Organizations;
using Microsoft.AspNetCore.Components.Authorization;

namespace Marketplace.Portal.Tests;

public static class TestCallers
{
    public const string PartnerId = "org_partner1";

    public static Caller PartnerOwner { get; } = new(CallerKind.User, "usr_1", "Lin Wei", PartnerId, OrganizationType.Partner, MemberRole.Owner);

    public static Caller OperatorOwner { get; } = new(CallerKind.User, "usr_op", "Olga Operator", OrganizationRules.OperatorOrganizationId, OrganizationType.Operator, MemberRole.Owner);

    public static Caller Customer { get; } = new(CallerKind.User, "usr_c", "Bea Buyer", "org_customer", OrganizationType.Customer, MemberRole.Owner);
}

/// <summary>Signs the test in as a given caller, with the claims the sign-in cookie carries.</summary>
public sealed class TestAuthenticationStateProvider(Caller caller) : AuthenticationStateProvider
{
    public override Task<AuthenticationState> GetAuthenticationStateAsync() =>
        Task.FromResult(new AuthenticationState(new ClaimsPrincipal(
            new ClaimsIdentity(caller.ToClaims(), "test", MarketplaceClaims.Name, MarketplaceClaims.Role))));
}
