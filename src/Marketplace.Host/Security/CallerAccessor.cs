using Marketplace.Application.Common.Security;
using Microsoft.AspNetCore.Components.Authorization;

namespace Marketplace.Host.Security;

/// <summary>
/// The caller as the authentication state says: Blazor sets it for portal circuits, and
/// <see cref="SecurityPipeline.ShareHttpUserWithBlazor"/> sets it for API requests.
/// </summary>
internal sealed class CallerAccessor(AuthenticationStateProvider authentication) : ICallerAccessor
{
    public async ValueTask<Caller> GetCallerAsync(CancellationToken cancellationToken)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return Caller.FromPrincipal(state.User);
    }
}
