using Marketplace.Abstractions.Errors;

namespace Marketplace.Portal.Services;

/// <summary>What to tell a person when a request fails.</summary>
public static class PortalErrors
{
    public static string Describe(Exception error) => error switch
    {
        RequestValidationException v => "Some fields need attention: " + string.Join(" ", v.Errors.SelectMany(e => e.Value)),
        ConflictException c => c.Message,
        NotFoundException n => n.Message,
        ForbiddenException f => "You may not do this. " + f.Message,
        UnauthenticatedException => "Your session has ended; sign in again.",
        MarketplaceException m => m.Message,
        _ => "Something went wrong on our side; try again in a moment.",
    };
}
