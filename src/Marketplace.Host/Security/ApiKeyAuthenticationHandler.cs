using System.Security.Claims;
using System.Text.Encodings.Web;
using Marketplace.Application.ApiKeys;
using Marketplace.Application.Common.Security;
using Marketplace.Domain.Common;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Marketplace.Host.Security;

/// <summary>
/// Reads <c>Authorization: Bearer &lt;key&gt;</c> and asks the key's grain (keyed by the key's
/// SHA-256, through a one-second cache) who it speaks for. Authorization itself happens in the
/// mediator pipeline.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyCache keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    private const int MaxKeyLength = 512;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!TryReadBearer(Request, out var key))
        {
            return AuthenticateResult.NoResult();
        }
        if (key.Length is 0 or > MaxKeyLength)
        {
            return AuthenticateResult.Fail("Malformed API key.");
        }
        var identity = await keys.AuthenticateAsync(SecretHash.Sha256Hex(key));
        if (identity is null)
        {
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }
        var caller = new Caller(CallerKind.ApiKey, identity.KeyId, identity.KeyName, identity.OrganizationId, identity.OrganizationType, identity.Role);
        var principal = new ClaimsPrincipal(new ClaimsIdentity(caller.ToClaims(), SchemeName, MarketplaceClaims.Name, MarketplaceClaims.Role));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }

    public static bool TryReadBearer(HttpRequest request, out string key)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            key = header["Bearer ".Length..].Trim();
            return true;
        }
        key = string.Empty;
        return false;
    }
}
