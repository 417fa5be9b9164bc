using Marketplace.Domain.Organizations;

namespace Marketplace.Abstractions.Organizations;

[GenerateSerializer, Immutable, Alias("Marketplace.OrganizationSnapshot")]
public sealed record OrganizationSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] OrganizationType Type,
    [property: Id(3)] DateTimeOffset CreatedAt);

[GenerateSerializer, Immutable, Alias("Marketplace.ApiKeySummary")]
public sealed record ApiKeySummary(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] MemberRole Role,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] DateTimeOffset? RevokedAt);

/// <summary>A newly issued key: the only time the secret is ever returned.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.IssuedApiKey")]
public sealed record IssuedApiKey(
    [property: Id(0)] string Id,
    [property: Id(1)] string Key,
    [property: Id(2)] string Name,
    [property: Id(3)] MemberRole Role);

/// <summary>A portal user of an organisation.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.OrganizationMember")]
public sealed record OrganizationMember(
    [property: Id(0)] string UserId,
    [property: Id(1)] string Email,
    [property: Id(2)] string DisplayName,
    [property: Id(3)] MemberRole Role,
    [property: Id(4)] DateTimeOffset JoinedAt);
