using Marketplace.Abstractions.Organizations;
using Marketplace.Domain.Organizations;

namespace Marketplace.Grains.Organizations;

[GenerateSerializer, Alias("Marketplace.OrganizationState")]
public sealed class OrganizationState
{
    [Id(0)]
    public string? Name { get; set; }

    [Id(1)]
    public OrganizationType Type { get; set; }

    [Id(2)]
    public DateTimeOffset CreatedAt { get; set; }

    [Id(3)]
    public List<ApiKeyEntry> ApiKeys { get; set; } = [];

    [Id(4)]
    public List<OrganizationMember> Members { get; set; } = [];

    public bool Exists => Name is not null;
}

[GenerateSerializer, Alias("Marketplace.ApiKeyEntry")]
public sealed class ApiKeyEntry
{
    [Id(0)]
    public required string Id { get; init; }

    [Id(1)]
    public required string Name { get; init; }

    [Id(2)]
    public required MemberRole Role { get; init; }

    /// <summary>SHA-256 of the secret; also the key of its <c>IApiKeyGrain</c>.</summary>
    [Id(3)]
    public required string SecretHash { get; init; }

    [Id(4)]
    public required DateTimeOffset CreatedAt { get; init; }

    [Id(5)]
    public DateTimeOffset? RevokedAt { get; set; }
}
