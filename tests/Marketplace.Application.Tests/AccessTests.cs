using Marketplace.Abstractions.Errors;
using Marketplace.Application.Common.Security;
using Marketplace.Domain.Organizations;
using Mediator;

namespace Marketplace.Application.Tests;

public sealed class AccessTests
{
    private static Caller Of(string organization, OrganizationType type, MemberRole role) =>
        new(CallerKind.ApiKey, "key_1", "test", organization, type, role);

    private static readonly Caller OperatorOwner = Of("org_operator", OrganizationType.Operator, MemberRole.Owner);
    private static readonly Caller OperatorMember = Of("org_operator", OrganizationType.Operator, MemberRole.Member);
    private static readonly Caller AcmeOwner = Of("org_acme", OrganizationType.Customer, MemberRole.Owner);
    private static readonly Caller AcmeMember = Of("org_acme", OrganizationType.Customer, MemberRole.Member);
    private static readonly Caller OtherOwner = Of("org_other", OrganizationType.Partner, MemberRole.Owner);

    public static TheoryData<string, string, string> Matrix => new()
    {
        // rule, caller, expected outcome
        { "anyone", "anonymous", "ok" },
        { "signed-in", "anonymous", "401" },
        { "signed-in", "acme-member", "ok" },
        { "operator", "anonymous", "401" },
        { "operator", "acme-owner", "403" },
        { "operator", "operator-member", "ok" },
        { "operator-owner", "operator-member", "403" },
        { "operator-owner", "operator-owner", "ok" },
        { "acme-member", "acme-member", "ok" },
        { "acme-member", "other-owner", "403" },
        { "acme-member", "operator-member", "ok" },
        { "acme-owner", "acme-member", "403" },
        { "acme-owner", "acme-owner", "ok" },
        { "acme-owner", "operator-member", "403" },
        { "acme-owner-only", "operator-owner", "403" },
        { "acme-owner-only", "acme-owner", "ok" },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Rules_admit_exactly_the_callers_they_name(string rule, string caller, string expected)
    {
        var access = rule switch
        {
            "anyone" => Access.Anyone,
            "signed-in" => Access.SignedIn,
            "operator" => Access.Operator(),
            "operator-owner" => Access.Operator(MemberRole.Owner),
            "acme-member" => Access.Organization("org_acme"),
            "acme-owner" => Access.Organization("org_acme", MemberRole.Owner),
            "acme-owner-only" => Access.Organization("org_acme", MemberRole.Owner, operatorMay: false),
            _ => throw new ArgumentOutOfRangeException(nameof(rule)),
        };
        var who = caller switch
        {
            "anonymous" => Caller.Anonymous,
            "operator-owner" => OperatorOwner,
            "operator-member" => OperatorMember,
            "acme-owner" => AcmeOwner,
            "acme-member" => AcmeMember,
            "other-owner" => OtherOwner,
            _ => throw new ArgumentOutOfRangeException(nameof(caller)),
        };

        var outcome = Record.Exception(() => access.Demand(who)) switch
        {
            null => "ok",
            UnauthenticatedException => "401",
            ForbiddenException => "403",
            var e => e.GetType().Name,
        };

        Assert.Equal(expected, outcome);
    }

    [Fact]
    public void Every_request_declares_who_may_send_it()
    {
        var requests = typeof(ApplicationMarker).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IMessage).IsAssignableFrom(t))
            .ToList();

        Assert.NotEmpty(requests);
        Assert.All(requests, t => Assert.True(typeof(IAuthorizedRequest).IsAssignableFrom(t), $"{t.Name} declares no access rule"));
    }

    [Fact]
    public void A_caller_survives_the_round_trip_through_claims()
    {
        var principal = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(AcmeOwner.ToClaims(), "test"));

        Assert.Equal(AcmeOwner, Caller.FromPrincipal(principal));
        Assert.Equal(Caller.Anonymous, Caller.FromPrincipal(new System.Security.Claims.ClaimsPrincipal()));
    }

    [Fact]
    public void The_assembly_has_handlers_for_its_requests()
    {
        var handlers = typeof(ApplicationMarker).Assembly.GetTypes()
            .SelectMany(t => t.GetInterfaces())
            .Where(i => i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(ICommandHandler<,>) || i.GetGenericTypeDefinition() == typeof(IQueryHandler<,>)))
            .Select(i => i.GetGenericArguments()[0])
            .ToHashSet();
        var requests = typeof(ApplicationMarker).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && (typeof(ICommand).IsAssignableFrom(t) || t.GetInterfaces().Any(i => i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(ICommand<>) || i.GetGenericTypeDefinition() == typeof(IQuery<>)))));

        Assert.All(requests, r => Assert.Contains(r, handlers));
    }
}
