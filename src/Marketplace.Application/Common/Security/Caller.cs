using System.Security.Claims;
using Marketplace.Domain.Organizations;

namespace Marketplace.Application.Common.Security;

/// <summary>How a caller proved who it is.</summary>
public enum CallerKind
{
    Anonymous,
    ApiKey,
    User,
}

/// <summary>Who is sending a request: the one input every authorization decision reads.</summary>
public sealed record Caller(
    CallerKind Kind,
    string? SubjectId,
    string? DisplayName,
    string? OrganizationId,
    OrganizationType? OrganizationType,
    MemberRole? Role)
{
    public static readonly Caller Anonymous = new(CallerKind.Anonymous, null, null, null, null, null);

    public bool IsAuthenticated => Kind != CallerKind.Anonymous && OrganizationId is not null;

    public bool IsOperator => IsAuthenticated && OrganizationType == Domain.Organizations.OrganizationType.Operator;

    public bool HasRole(MemberRole minimum) => Role is { } role && role >= minimum;

    public bool BelongsTo(string organizationId) => IsAuthenticated && OrganizationId == organizationId;

    public IEnumerable<Claim> ToClaims()
    {
        yield return new Claim(MarketplaceClaims.Kind, Kind.ToString());
        if (SubjectId is not null)
        {
            yield return new Claim(MarketplaceClaims.Subject, SubjectId);
        }
        if (DisplayName is not null)
        {
            yield return new Claim(MarketplaceClaims.Name, DisplayName);
        }
        if (OrganizationId is not null)
        {
            yield return new Claim(MarketplaceClaims.OrganizationId, OrganizationId);
        }
        if (OrganizationType is { } type)
        {
            yield return new Claim(MarketplaceClaims.OrganizationType, type.ToString());
        }
        if (Role is { } role)
        {
            yield return new Claim(MarketplaceClaims.Role, role.ToString());
        }
    }

    public static Caller FromPrincipal(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true
            || !Enum.TryParse<CallerKind>(principal.FindFirst(MarketplaceClaims.Kind)?.Value, out var kind))
        {
            return Anonymous;
        }
        return new Caller(
            kind,
            principal.FindFirst(MarketplaceClaims.Subject)?.Value,
            principal.FindFirst(MarketplaceClaims.Name)?.Value,
            principal.FindFirst(MarketplaceClaims.OrganizationId)?.Value,
            Enum.TryParse<OrganizationType>(principal.FindFirst(MarketplaceClaims.OrganizationType)?.Value, out var type) ? type : null,
            Enum.TryParse<MemberRole>(principal.FindFirst(MarketplaceClaims.Role)?.Value, out var role) ? role : null);
    }
}

/// <summary>Claim types the host writes and <see cref="Caller.FromPrincipal"/> reads.</summary>
public static class MarketplaceClaims
{
    public const string Kind = "mk:kind";
    public const string Subject = "sub";
    public const string Name = "name";
    public const string OrganizationId = "mk:org";
    public const string OrganizationType = "mk:org_type";
    public const string Role = "mk:role";
}
