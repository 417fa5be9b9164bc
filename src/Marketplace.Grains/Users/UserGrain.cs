using Marketplace.Abstractions.Errors;
using Marketplace.Abstractions.Users;
using Marketplace.Domain.Common;
using Marketplace.Domain.Organizations;
using Microsoft.AspNetCore.Identity;
using SignInResult = Marketplace.Abstractions.Users.SignInResult;
using Microsoft.Extensions.Logging;

namespace Marketplace.Grains.Users;

public sealed partial class UserGrain(
    [PersistentState("user", StorageNames.Default)] IPersistentState<UserState> state,
    TimeProvider time,
    ILogger<UserGrain> logger) : Grain, IUserGrain
{
    /// <summary>Failures in a row before the account locks.</summary>
    public const int MaxFailedAttempts = 5;

    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    private static readonly PasswordHasher<UserState> Hasher = new();

    // The hasher ignores the user argument; a fixed object keeps thread-pool code away from grain state.
    private static readonly UserState Nobody = new();

    private UserState S => state.State;

    private string Email => this.GetPrimaryKeyString();

    public async Task<UserSnapshot> RegisterAsync(string displayName, string password, string organizationId, MemberRole role)
    {
        if (S.Exists)
        {
            throw new ConflictException("user.exists", "An account with this e-mail address already exists.");
        }
        // PBKDF2 is deliberately slow: it runs off the grain scheduler and only its result comes back.
        var hash = await Task.Run(() => Hasher.HashPassword(Nobody, password));
        S.Id = Identifiers.New("usr");
        S.DisplayName = displayName;
        S.OrganizationId = organizationId;
        S.Role = role;
        S.PasswordHash = hash;
        S.CreatedAt = time.GetUtcNow();
        await state.WriteStateAsync();
        return Snapshot();
    }

    public Task<UserSnapshot?> GetAsync() => Task.FromResult(S.Exists ? Snapshot() : null);

    public async Task<SignInResult> SignInAsync(string password)
    {
        if (!S.Exists)
        {
            // Same cost as a real check, so timing does not reveal which addresses exist.
            await Task.Run(() => Hasher.HashPassword(Nobody, password));
            return new SignInResult(SignInOutcome.Failed, null, null);
        }
        var now = time.GetUtcNow();
        if (S.LockedUntil is { } until && until > now)
        {
            return new SignInResult(SignInOutcome.LockedOut, null, until);
        }
        if (S.Disabled)
        {
            return new SignInResult(SignInOutcome.Disabled, null, null);
        }
        var hash = S.PasswordHash;
        var verdict = await Task.Run(() => Hasher.VerifyHashedPassword(Nobody, hash, password));
        if (verdict == PasswordVerificationResult.Failed)
        {
            S.FailedAttempts++;
            if (S.FailedAttempts >= MaxFailedAttempts)
            {
                S.LockedUntil = now + LockoutDuration;
                S.FailedAttempts = 0;
                LogLockedOut(S.Id!);
            }
            await state.WriteStateAsync();
            return S.LockedUntil > now
                ? new SignInResult(SignInOutcome.LockedOut, null, S.LockedUntil)
                : new SignInResult(SignInOutcome.Failed, null, null);
        }
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            S.PasswordHash = await Task.Run(() => Hasher.HashPassword(Nobody, password));
        }
        if (S.FailedAttempts > 0 || S.LockedUntil is not null || verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            S.FailedAttempts = 0;
            S.LockedUntil = null;
            await state.WriteStateAsync();
        }
        return new SignInResult(SignInOutcome.Succeeded, Snapshot(), null);
    }

    public async Task ChangePasswordAsync(string currentPassword, string newPassword)
    {
        if (!S.Exists)
        {
            throw new NotFoundException("User", Email);
        }
        var hash = S.PasswordHash;
        if (await Task.Run(() => Hasher.VerifyHashedPassword(Nobody, hash, currentPassword)) == PasswordVerificationResult.Failed)
        {
            throw new RequestValidationException("currentPassword", "The current password is not correct.");
        }
        S.PasswordHash = await Task.Run(() => Hasher.HashPassword(Nobody, newPassword));
        await state.WriteStateAsync();
    }

    private UserSnapshot Snapshot() => new(S.Id!, Email, S.DisplayName, S.OrganizationId, S.Role, S.CreatedAt, S.Disabled);

    [LoggerMessage(Level = LogLevel.Warning, Message = "User {UserId} locked out after repeated failed sign-ins")]
    private partial void LogLockedOut(string userId);
}
