using Marketplace.Abstractions.Errors;
using Marketplace.Abstractions.Identity;

namespace Marketplace.Grains.Identity;

public sealed class ApiKeyGrain(
    [PersistentState("apikey", StorageNames.Default)] IPersistentState<ApiKeyState> state)
    : Grain, IApiKeyGrain
{
    public async Task RegisterAsync(ApiKeyIdentity identity)
    {
        if (state.State.Identity is { } known)
        {
            if (known.KeyId == identity.KeyId && known.OrganizationId == identity.OrganizationId)
            {
                return;
            }
            throw new ConflictException("api_key.collision", "A key with this secret is already registered.");
        }
        state.State.Identity = identity;
        await state.WriteStateAsync();
    }

    public Task<ApiKeyIdentity?> AuthenticateAsync() =>
        Task.FromResult(state.State.Revoked ? null : state.State.Identity);

    public async Task RevokeAsync()
    {
        if (state.State.Identity is null || state.State.Revoked)
        {
            return;
        }
        state.State.Revoked = true;
        await state.WriteStateAsync();
    }
}

[GenerateSerializer, Alias("Marketplace.ApiKeyState")]
public sealed class ApiKeyState
{
    [Id(0)]
    public ApiKeyIdentity? Identity { get; set; }

    [Id(1)]
    public bool Revoked { get; set; }
}
