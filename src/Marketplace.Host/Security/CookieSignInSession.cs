using System.Security.Claims;
using Marketplace.Application.Common.Security;
using Marketplace.Application.Identity.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Marketplace.Host.Security;

/// <summary>
/// The session as the portal cookie: the caller's claims (<see cref="Caller.ToClaims"/>, name and
/// role claim types named), persistent, on the request being served.
/// </summary>
internal sealed class CookieSignInSession(IHttpContextAccessor http) : ISignInSession
{
    public Task SignInAsync(Caller caller) =>
        Context.SignInAsync(
            CookieAuthenticationDefaults.AuthenticationScheme,
            new ClaimsPrincipal(new ClaimsIdentity(caller.ToClaims(), CookieAuthenticationDefaults.AuthenticationScheme, MarketplaceClaims.Name, MarketplaceClaims.Role)),
            new AuthenticationProperties { IsPersistent = true });

    public Task SignOutAsync() => Context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);

    private HttpContext Context => http.HttpContext ?? throw new InvalidOperationException("Signing in needs the HTTP request it answers.");
}
