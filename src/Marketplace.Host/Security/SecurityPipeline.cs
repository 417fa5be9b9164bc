using Marketplace.Application.Common.Security;
using Marketplace.Application.Identity.Sessions;
using Marketplace.Domain.Organizations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;

namespace Marketplace.Host.Security;

internal static class SecurityPipeline
{
    public const string OperatorPolicy = "Operator";
    private const string SelectorScheme = "BearerOrCookie";

    public static WebApplicationBuilder AddMarketplaceSecurity(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddAuthentication(SelectorScheme)
            .AddPolicyScheme(SelectorScheme, "API key or portal cookie", o => o.ForwardDefaultSelector = context =>
                ApiKeyAuthenticationHandler.TryReadBearer(context.Request, out _)
                    ? ApiKeyAuthenticationHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, o =>
            {
                o.Cookie.Name = "marketplace.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.LoginPath = "/signin";
                o.AccessDeniedPath = "/";
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                // API calls get status codes, never a redirect to the sign-in page.
                o.Events.OnValidatePrincipal = CookieRevalidation.ValidateAsync;
                o.Events.OnRedirectToLogin = c => RedirectUnlessApi(c, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = c => RedirectUnlessApi(c, StatusCodes.Status403Forbidden);
            });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(OperatorPolicy, p => p.RequireClaim(MarketplaceClaims.OrganizationType, nameof(OrganizationType.Operator)));
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<ICallerAccessor, CallerAccessor>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<ISignInSession, CookieSignInSession>();
        return builder;
    }

    /// <summary>
    /// API requests run outside Blazor, so nobody sets the authentication state there; setting it
    /// from the authenticated HTTP user gives the mediator one source of truth for both.
    /// </summary>
    public static IApplicationBuilder ShareHttpUserWithBlazor(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.RequestServices.GetService<AuthenticationStateProvider>() is IHostEnvironmentAuthenticationStateProvider host)
            {
                host.SetAuthenticationState(Task.FromResult(new AuthenticationState(context.User)));
            }
            await next(context);
        });

    private static Task RedirectUnlessApi(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }
        return Task.CompletedTask;
    }
}
