using Marketplace.Domain.Organizations;

namespace Marketplace.Abstractions.Users;

/// <summary>
/// One portal user (key: the normalised e-mail address, which makes e-mails unique).
/// Passwords are stored as ASP.NET Core Identity PBKDF2 hashes; repeated failures lock the
/// account for a while.
/// </summary>
[Alias("Marketplace.IUserGrain")]
public interface IUserGrain : IGrainWithStringKey
{
    /// <summary>Creates the user; an address already taken is a conflict.</summary>
    [Alias("RegisterAsync")]
    Task<UserSnapshot> RegisterAsync(string displayName, string password, string organizationId, MemberRole role);

    [Alias("GetAsync")]
    Task<UserSnapshot?> GetAsync();

    [Alias("SignInAsync")]
    Task<SignInResult> SignInAsync(string password);

    [Alias("ChangePasswordAsync")]
    Task ChangePasswordAsync(string currentPassword, string newPassword);
}
