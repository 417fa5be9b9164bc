using FluentValidation;
using Marketplace.Abstractions.Errors;
using Marketplace.Abstractions.Organizations;
using Marketplace.Abstractions.Users;
using Marketplace.Application.Common.Security;
using Marketplace.Application.Common.Validation;
using Mediator;

namespace Marketplace.Application.Users.ChangePassword;

/// <summary>A signed-in user changes their own password.</summary>
public sealed record ChangePassword(string? CurrentPassword, string? NewPassword) : ICommand, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.SignedIn;
}

public sealed class ChangePasswordValidator : AbstractValidator<ChangePassword>
{
    public ChangePasswordValidator()
    {
        RuleFor(c => c.CurrentPassword).NotEmpty();
        RuleFor(c => c.NewPassword).ValidPassword();
    }
}

public sealed class ChangePasswordHandler(ICallerAccessor callers, IGrainFactory grains) : ICommandHandler<ChangePassword>
{
    public async ValueTask<Unit> Handle(ChangePassword command, CancellationToken cancellationToken)
    {
        var caller = await callers.GetCallerAsync(cancellationToken);
        if (caller.Kind != CallerKind.User)
        {
            throw new ForbiddenException("Only portal users have passwords; API keys are rotated instead.");
        }
        var members = await grains.GetGrain<IOrganizationGrain>(caller.OrganizationId!).ListMembersAsync();
        var email = members.FirstOrDefault(m => m.UserId == caller.SubjectId)?.Email
            ?? throw new NotFoundException("User", caller.SubjectId!);
        await grains.GetGrain<IUserGrain>(email).ChangePasswordAsync(command.CurrentPassword!, command.NewPassword!);
        return Unit.Value;
    }
}
