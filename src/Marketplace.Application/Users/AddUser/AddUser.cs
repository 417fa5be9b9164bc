using FluentValidation;
using Marketplace.Abstractions.Organizations;
using Marketplace.Abstractions.Users;
using Marketplace.Application.Common.Security;
using Marketplace.Application.Common.Validation;
using Marketplace.Application.Organizations;
using Marketplace.Domain.Organizations;
using Mediator;

namespace Marketplace.Application.Users.AddUser;

/// <summary>An owner adds a colleague to the organisation with a first password.</summary>
public sealed record AddUser(string OrganizationId, string? Email, string? DisplayName, string? Password, MemberRole? Role)
    : ICommand<UserSnapshot>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Organization(OrganizationId, MemberRole.Owner);
}

public sealed class AddUserValidator : AbstractValidator<AddUser>
{
    public AddUserValidator()
    {
        RuleFor(c => c.Email).ValidEmail();
        RuleFor(c => c.DisplayName).NotEmpty().MaximumLength(100);
        RuleFor(c => c.Password).ValidPassword();
        RuleFor(c => c.Role).NotNull().IsInEnum();
    }
}

public sealed class AddUserHandler(IGrainFactory grains, TimeProvider time) : ICommandHandler<AddUser, UserSnapshot>
{
    public async ValueTask<UserSnapshot> Handle(AddUser command, CancellationToken cancellationToken)
    {
        var organization = await grains.ExistingOrganizationAsync(command.OrganizationId);
        var email = CommonRules.NormalizeEmail(command.Email!);
        var user = await grains.GetGrain<IUserGrain>(email).RegisterAsync(command.DisplayName!.Trim(), command.Password!, command.OrganizationId, command.Role!.Value);
        await organization.AddMemberAsync(new OrganizationMember(user.Id, email, user.DisplayName, user.Role, time.GetUtcNow()));
        return user;
    }
}
