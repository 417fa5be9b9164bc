using System.Security.Claims;
using Marketplace.Application.Common.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Marketplace.Host.Security;

/// <summary>Issues and clears the portal's sign-in cookie for a caller the mediator authenticated.</summary>
internal static class PortalSignIn
{
    public static Task SignInAsync(HttpContext http, Caller caller) =>
        http.SignInAsync(
            CookieAuthenticationDefaults.AuthenticationScheme,
            new ClaimsPrincipal(new ClaimsIdentity(caller.ToClaims(), CookieAuthenticationDefaults.AuthenticationScheme, MarketplaceClaims.Name, MarketplaceClaims.Role)),
            new AuthenticationProperties { IsPersistent = true });

    public static Task SignOutAsync(HttpContext http) => http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
}
