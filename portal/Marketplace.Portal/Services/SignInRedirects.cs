using Marketplace.Application.Common.Security;
using Marketplace.Domain.Organizations;

namespace Marketplace.Portal.Services;

/// <summary>Where the portal sends a caller after signing in, and which return addresses it honours.</summary>
public static class SignInRedirects
{
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
