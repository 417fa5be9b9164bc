using Marketplace.Application.Common.Security;
using Microsoft.AspNetCore.Components.Authorization;

namespace Marketplace.Portal.Services;

/// <summary>The portal reads who is signed in from the authentication state, as the mediator pipeline does.</summary>
public static class CallerExtensions
{
    public static async Task<Caller> GetCallerAsync(this AuthenticationStateProvider authentication) =>
        Caller.FromPrincipal((await authentication.GetAuthenticationStateAsync()).User);
}
