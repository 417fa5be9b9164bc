namespace Marketplace.Abstractions.Identity;

/// <summary>
/// One API key, keyed by the SHA-256 of its secret, so authenticating a request is one grain call
/// and the secret itself is never stored.
/// </summary>
[Alias("Marketplace.IApiKeyGrain")]
public interface IApiKeyGrain : IGrainWithStringKey
{
    /// <summary>Registers the key (idempotent for the same identity; a different one is a conflict).</summary>
    [Alias("RegisterAsync")]
    Task RegisterAsync(ApiKeyIdentity identity);

    /// <summary>The identity, or null when the key is unknown or revoked.</summary>
    [Alias("AuthenticateAsync")]
    Task<ApiKeyIdentity?> AuthenticateAsync();

    [Alias("RevokeAsync")]
    Task RevokeAsync();
}
