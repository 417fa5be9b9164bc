using System.Security.Claims;
using Marketplace.Application.Common.Security;
using Marketplace.Domain.Organizations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;

namespace Marketplace.Portal.Services;

/// <summary>
/// The sign-in cookie for a caller the mediator authenticated: the same principal the host's API
/// sign-in issues (claims from <see cref="Caller.ToClaims"/>, name and role claim types named).
/// </summary>
public static class PortalCookie
{
    public static Task SignInAsync(HttpContext http, Caller caller) =>
        http.SignInAsync(
            CookieAuthenticationDefaults.AuthenticationScheme,
            new ClaimsPrincipal(new ClaimsIdentity(caller.ToClaims(), CookieAuthenticationDefaults.AuthenticationScheme, MarketplaceClaims.Name, MarketplaceClaims.Role)),
            new AuthenticationProperties { IsPersistent = true });

    public static Task SignOutAsync(HttpContext http) => http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);

    /// <summary>Where a caller lands after signing in: a local return address, else its home by role.</summary>
    public static string LandingFor(Caller caller, string? returnUrl) =>
        LocalPath(returnUrl) ?? caller.OrganizationType switch
        {
            OrganizationType.Operator => "/admin",
            OrganizationType.Partner => "/partner",
            _ => "/catalog",
        };

    /// <summary>
    /// The return address as a path on this site, or null. Anything that could leave the site
    /// ("//evil.example", "/\evil", "https://…", control characters) is refused: no open redirect.
    /// </summary>
    public static string? LocalPath(string? returnUrl)
    {
        if (string.IsNullOrWhiteSpace(returnUrl))
        {
            return null;
        }
        var path = returnUrl.Trim();
        if (path.Any(c => char.IsControl(c) || c == '\\') || path.Contains("://", StringComparison.Ordinal))
        {
            return null;
        }
        // The sign-in redirect sends base-relative paths ("partner/onboarding").
        if (path[0] != '/')
        {
            path = "/" + path;
        }
        if (path.StartsWith("//", StringComparison.Ordinal) || path.StartsWith("/signin", StringComparison.OrdinalIgnoreCase)
            || path.StartsWith("/signout", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        return path;
    }
}
