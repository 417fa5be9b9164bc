using Marketplace.Domain.Organizations;

namespace Marketplace.Abstractions.Users;

[GenerateSerializer, Immutable, Alias("Marketplace.UserSnapshot")]
public sealed record UserSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] string Email,
    [property: Id(2)] string DisplayName,
    [property: Id(3)] string OrganizationId,
    [property: Id(4)] MemberRole Role,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] bool Disabled);

public enum SignInOutcome
{
    Succeeded,
    Failed,
    LockedOut,
    Disabled,
}

[GenerateSerializer, Immutable, Alias("Marketplace.SignInResult")]
public sealed record SignInResult(
    [property: Id(0)] SignInOutcome Outcome,
    [property: Id(1)] UserSnapshot? User,
    [property: Id(2)] DateTimeOffset? LockedUntil);
