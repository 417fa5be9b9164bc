using FluentValidation;
using Marketplace.Abstractions.Users;
using Marketplace.Application.Common.Security;
using Marketplace.Application.Common.Validation;
using Marketplace.Application.Users.SignUp;
using Mediator;

namespace Marketplace.Application.Users.SignIn;

/// <summary>Checks an e-mail and password; the portal turns a success into a sign-in cookie.</summary>
public sealed record SignIn(string? Email, string? Password) : ICommand<SignInAttempt>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Anyone;
}

/// <summary>The outcome; <see cref="Caller"/> is set only on success.</summary>
public sealed record SignInAttempt(SignInOutcome Outcome, Caller? Caller, DateTimeOffset? LockedUntil)
{
    public string Message => Outcome switch
    {
        SignInOutcome.Succeeded => "Signed in.",
        SignInOutcome.LockedOut => $"Too many failed attempts; try again after {LockedUntil:HH:mm} UTC.",
        SignInOutcome.Disabled => "This account is disabled.",
        _ => "The e-mail address or password is not correct.",
    };
}

public sealed class SignInValidator : AbstractValidator<SignIn>
{
    public SignInValidator()
    {
        RuleFor(c => c.Email).NotEmpty().MaximumLength(254);
        RuleFor(c => c.Password).NotEmpty().MaximumLength(CommonRules.PasswordMaxLength);
    }
}

public sealed class SignInHandler(IGrainFactory grains) : ICommandHandler<SignIn, SignInAttempt>
{
    public async ValueTask<SignInAttempt> Handle(SignIn command, CancellationToken cancellationToken)
    {
        var result = await grains.GetGrain<IUserGrain>(CommonRules.NormalizeEmail(command.Email!)).SignInAsync(command.Password!);
        return result.Outcome == SignInOutcome.Succeeded
            ? new SignInAttempt(result.Outcome, await UserCaller.ForUserAsync(grains, result.User!), null)
            : new SignInAttempt(result.Outcome, null, result.LockedUntil);
    }
}
