using FluentValidation;
using Marketplace.Abstractions.Errors;
using Marketplace.Abstractions.Organizations;
using Marketplace.Abstractions.Users;
using Marketplace.Application.Common.Security;
using Marketplace.Application.Common.Validation;
using Marketplace.Domain.Common;
using Marketplace.Domain.Organizations;
using Mediator;

namespace Marketplace.Application.Users.SignUp;

/// <summary>
/// Someone opens an account: a new partner or customer organisation with them as its owner.
/// Operators are never created this way.
/// </summary>
public sealed record SignUp(
    string? Email,
    string? Password,
    string? DisplayName,
    string? OrganizationName,
    OrganizationType? OrganizationType) : ICommand<SignedUp>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Anyone;
}

public sealed record SignedUp(UserSnapshot User, OrganizationSnapshot Organization);

public sealed class SignUpValidator : AbstractValidator<SignUp>
{
    public SignUpValidator()
    {
        RuleFor(c => c.Email).ValidEmail();
        RuleFor(c => c.Password).ValidPassword();
        RuleFor(c => c.DisplayName).NotEmpty().MaximumLength(100);
        RuleFor(c => c.OrganizationName).NotEmpty().MaximumLength(OrganizationRules.NameMaxLength);
        RuleFor(c => c.OrganizationType).NotNull().IsInEnum()
            .Must(t => t is Domain.Organizations.OrganizationType.Partner or Domain.Organizations.OrganizationType.Customer)
            .WithMessage("'organizationType' must be Partner or Customer.");
    }
}

public sealed class SignUpHandler(IGrainFactory grains, TimeProvider time) : ICommandHandler<SignUp, SignedUp>
{
    public async ValueTask<SignedUp> Handle(SignUp command, CancellationToken cancellationToken)
    {
        var email = CommonRules.NormalizeEmail(command.Email!);
        var organizationId = Identifiers.New("org");
        // The user grain is keyed by e-mail, so registering first claims the address atomically.
        var user = await grains.GetGrain<IUserGrain>(email).RegisterAsync(command.DisplayName!.Trim(), command.Password!, organizationId, MemberRole.Owner);
        var organization = grains.GetGrain<IOrganizationGrain>(organizationId);
        var created = await organization.CreateAsync(command.OrganizationName!.Trim(), command.OrganizationType!.Value);
        await organization.AddMemberAsync(new OrganizationMember(user.Id, email, user.DisplayName, MemberRole.Owner, time.GetUtcNow()));
        return new SignedUp(user, created);
    }
}

/// <summary>Turns a signed-in user into the caller the pipeline checks.</summary>
public static class UserCaller
{
    public static async Task<Caller> ForUserAsync(IGrainFactory grains, UserSnapshot user)
    {
        var organization = await grains.GetGrain<IOrganizationGrain>(user.OrganizationId).GetAsync()
            ?? throw new NotFoundException("Organization", user.OrganizationId);
        return new Caller(CallerKind.User, user.Id, user.DisplayName, organization.Id, organization.Type, user.Role);
    }
}
