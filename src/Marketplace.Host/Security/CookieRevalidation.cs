using Marketplace.Abstractions.Organizations;
using Marketplace.Abstractions.Users;
using Marketplace.Application.Common.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Marketplace.Host.Security;

/// <summary>
/// A portal cookie is re-checked every few minutes against the user's current record, so a user
/// removed, disabled or moved to another role loses the old rights without waiting for expiry.
/// </summary>
internal static class CookieRevalidation
{
    private const string CheckedAt = "mk.checked";
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var time = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        var now = time.GetUtcNow();
        if (context.Properties.Items.TryGetValue(CheckedAt, out var text)
            && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var checkedAt)
            && now - checkedAt < Interval)
        {
            return;
        }
        var caller = Caller.FromPrincipal(context.Principal);
        if (!await StillValidAsync(context.HttpContext.RequestServices.GetRequiredService<IGrainFactory>(), caller))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        context.Properties.Items[CheckedAt] = now.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        context.ShouldRenew = true;
    }

    private static async Task<bool> StillValidAsync(IGrainFactory grains, Caller caller)
    {
        if (caller is not { Kind: CallerKind.User, OrganizationId: { } organizationId, SubjectId: { } userId })
        {
            return false;
        }
        var organization = grains.GetGrain<IOrganizationGrain>(organizationId);
        if (await organization.GetAsync() is null)
        {
            return false;
        }
        var member = (await organization.ListMembersAsync()).FirstOrDefault(m => m.UserId == userId);
        if (member is null)
        {
            return false;
        }
        var user = await grains.GetGrain<IUserGrain>(member.Email).GetAsync();
        return user is { Disabled: false } && user.Role == caller.Role && user.OrganizationId == organizationId;
    }
}
