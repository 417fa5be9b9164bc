using Marketplace.Abstractions.Errors;
using Marketplace.Abstractions.Identity;
using Marketplace.Abstractions.Organizations;
using Marketplace.Abstractions.Partners;
using Marketplace.Domain.Common;
using Marketplace.Domain.Organizations;
using Marketplace.Domain.Partners;
using Microsoft.Extensions.Logging;

namespace Marketplace.Grains.Organizations;

public sealed partial class OrganizationGrain(
    [PersistentState("organization", StorageNames.Default)] IPersistentState<OrganizationState> state,
    TimeProvider time,
    ILogger<OrganizationGrain> logger) : Grain, IOrganizationGrain
{
    private const int MaxActiveKeys = 100;

    public async Task<OrganizationSnapshot> CreateAsync(string name, OrganizationType type)
    {
        if (state.State.Exists)
        {
            throw new ConflictException("organization.exists", $"Organization '{this.GetPrimaryKeyString()}' already exists.");
        }
        return await CreateCoreAsync(name, type);
    }

    public async Task<OrganizationSnapshot> EnsureAsync(string name, OrganizationType type) =>
        state.State.Exists ? Snapshot() : await CreateCoreAsync(name, type);

    public Task<OrganizationSnapshot?> GetAsync() =>
        Task.FromResult(state.State.Exists ? Snapshot() : null);

    public async Task<IssuedApiKey> IssueApiKeyAsync(string name, MemberRole role)
    {
        EnsureExists();
        var secret = SecretHash.NewApiKeySecret();
        var entry = await AddKeyAsync(name, SecretHash.Sha256Hex(secret), role);
        return new IssuedApiKey(entry.Id, secret, entry.Name, entry.Role);
    }

    public async Task<ApiKeySummary> EnsureApiKeyAsync(string name, string secret, MemberRole role)
    {
        EnsureExists();
        var hash = SecretHash.Sha256Hex(secret);
        var existing = state.State.ApiKeys.Find(k => k.SecretHash == hash);
        if (existing is { RevokedAt: null })
        {
            // Re-register in case an earlier attempt stopped between the two writes.
            await RegisterKeyAsync(existing);
            return Summary(existing);
        }
        if (existing is not null)
        {
            throw new ConflictException("api_key.revoked", "That key was revoked and cannot be re-activated.");
        }
        return Summary(await AddKeyAsync(name, hash, role));
    }

    public Task<IReadOnlyList<ApiKeySummary>> ListApiKeysAsync()
    {
        EnsureExists();
        return Task.FromResult<IReadOnlyList<ApiKeySummary>>(state.State.ApiKeys.Select(Summary).ToList());
    }

    public async Task<ApiKeySummary> RevokeApiKeyAsync(string keyId)
    {
        EnsureExists();
        var entry = state.State.ApiKeys.Find(k => k.Id == keyId)
            ?? throw new NotFoundException("API key", keyId);
        if (entry.RevokedAt is null)
        {
            // The key grain answers authentication, so it is revoked first: a failure after it
            // leaves the key unusable, never usable-but-listed-as-revoked.
            await GrainFactory.GetGrain<IApiKeyGrain>(entry.SecretHash).RevokeAsync();
            entry.RevokedAt = time.GetUtcNow();
            await state.WriteStateAsync();
            LogKeyRevoked(this.GetPrimaryKeyString(), keyId);
        }
        return Summary(entry);
    }

    public async Task AddMemberAsync(OrganizationMember member)
    {
        EnsureExists();
        if (state.State.Members.Any(m => m.Email == member.Email))
        {
            return;
        }
        state.State.Members.Add(member);
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<OrganizationMember>> ListMembersAsync()
    {
        EnsureExists();
        return Task.FromResult<IReadOnlyList<OrganizationMember>>(state.State.Members.ToList());
    }

    private async Task<OrganizationSnapshot> CreateCoreAsync(string name, OrganizationType type)
    {
        state.State.Name = name;
        state.State.Type = type;
        state.State.CreatedAt = time.GetUtcNow();
        await state.WriteStateAsync();
        var snapshot = Snapshot();
        await GrainFactory.GetGrain<IOrganizationDirectoryGrain>(0).RegisterAsync(snapshot);
        if (type == OrganizationType.Partner)
        {
            // Operators see new partners (still drafts) from the moment they exist.
            await GrainFactory.GetGrain<IPartnerDirectoryGrain>(0).UpdateAsync(
                new PartnerSummary(snapshot.Id, snapshot.Name, PartnerStatus.Draft, [], null, null));
        }
        LogCreated(snapshot.Id, type);
        return snapshot;
    }

    private async Task<ApiKeyEntry> AddKeyAsync(string name, string hash, MemberRole role)
    {
        if (state.State.ApiKeys.Count(k => k.RevokedAt is null) >= MaxActiveKeys)
        {
            throw new ConflictException("api_key.limit", $"An organization may hold at most {MaxActiveKeys} active keys; revoke one first.");
        }
        var entry = new ApiKeyEntry
        {
            Id = Identifiers.New("key"),
            Name = name,
            Role = role,
            SecretHash = hash,
            CreatedAt = time.GetUtcNow(),
        };
        // Registered before it is listed: a key is only ever handed out once both writes succeeded.
        await RegisterKeyAsync(entry);
        state.State.ApiKeys.Add(entry);
        await state.WriteStateAsync();
        LogKeyIssued(this.GetPrimaryKeyString(), entry.Id, role);
        return entry;
    }

    private Task RegisterKeyAsync(ApiKeyEntry entry) =>
        GrainFactory.GetGrain<IApiKeyGrain>(entry.SecretHash).RegisterAsync(
            new ApiKeyIdentity(entry.Id, entry.Name, this.GetPrimaryKeyString(), state.State.Type, entry.Role));

    private void EnsureExists()
    {
        if (!state.State.Exists)
        {
            throw new NotFoundException("Organization", this.GetPrimaryKeyString());
        }
    }

    private OrganizationSnapshot Snapshot() =>
        new(this.GetPrimaryKeyString(), state.State.Name!, state.State.Type, state.State.CreatedAt);

    private static ApiKeySummary Summary(ApiKeyEntry e) => new(e.Id, e.Name, e.Role, e.CreatedAt, e.RevokedAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Organization {OrganizationId} created as {Type}")]
    private partial void LogCreated(string organizationId, OrganizationType type);

    [LoggerMessage(Level = LogLevel.Information, Message = "Organization {OrganizationId} issued API key {KeyId} with role {Role}")]
    private partial void LogKeyIssued(string organizationId, string keyId, MemberRole role);

    [LoggerMessage(Level = LogLevel.Information, Message = "Organization {OrganizationId} revoked API key {KeyId}")]
    private partial void LogKeyRevoked(string organizationId, string keyId);
}
