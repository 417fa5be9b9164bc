using Marketplace.Domain.Organizations;

namespace Marketplace.Abstractions.Identity;

/// <summary>Who a valid API key speaks for.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.ApiKeyIdentity")]
public sealed record ApiKeyIdentity(
    [property: Id(0)] string KeyId,
    [property: Id(1)] string KeyName,
    [property: Id(2)] string OrganizationId,
    [property: Id(3)] OrganizationType OrganizationType,
    [property: Id(4)] MemberRole Role);
