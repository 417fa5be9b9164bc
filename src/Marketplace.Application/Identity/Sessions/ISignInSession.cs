using Marketplace.Application.Common.Security;

namespace Marketplace.Application.Identity.Sessions;

/// <summary>
/// The browser session of the request being served: who it is signed in as. The portal's sign-in
/// pages and the REST sign-in both use it, so both issue the same session; the host keeps it in a cookie.
/// </summary>
public interface ISignInSession
{
    Task SignInAsync(Caller caller);

    Task SignOutAsync();
}
