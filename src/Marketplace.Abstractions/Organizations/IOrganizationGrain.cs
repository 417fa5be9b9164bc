using Marketplace.Domain.Organizations;

namespace Marketplace.Abstractions.Organizations;

/// <summary>One organisation (key: its id) and the API keys it has issued.</summary>
[Alias("Marketplace.IOrganizationGrain")]
public interface IOrganizationGrain : IGrainWithStringKey
{
    /// <summary>Creates the organisation; a second create of the same id is a conflict.</summary>
    [Alias("CreateAsync")]
    Task<OrganizationSnapshot> CreateAsync(string name, OrganizationType type);

    /// <summary>Creates it if missing, otherwise returns it unchanged (for bootstrap and seed data).</summary>
    [Alias("EnsureAsync")]
    Task<OrganizationSnapshot> EnsureAsync(string name, OrganizationType type);

    /// <summary>The organisation, or null when no organisation has this id.</summary>
    [Alias("GetAsync")]
    Task<OrganizationSnapshot?> GetAsync();

    [Alias("IssueApiKeyAsync")]
    Task<IssuedApiKey> IssueApiKeyAsync(string name, MemberRole role);

    /// <summary>
    /// Makes sure a key with this exact secret belongs to this organisation (idempotent), for
    /// operator-supplied bootstrap keys whose value is chosen outside the platform.
    /// </summary>
    [Alias("EnsureApiKeyAsync")]
    Task<ApiKeySummary> EnsureApiKeyAsync(string name, string secret, MemberRole role);

    [Alias("ListApiKeysAsync")]
    Task<IReadOnlyList<ApiKeySummary>> ListApiKeysAsync();

    [Alias("RevokeApiKeyAsync")]
    Task<ApiKeySummary> RevokeApiKeyAsync(string keyId);

    /// <summary>Records a portal user as a member (idempotent by e-mail).</summary>
    [Alias("AddMemberAsync")]
    Task AddMemberAsync(OrganizationMember member);

    [Alias("ListMembersAsync")]
    Task<IReadOnlyList<OrganizationMember>> ListMembersAsync();
}
