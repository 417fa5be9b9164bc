using FluentValidation;
using Marketplace.Abstractions.Organizations;
using Marketplace.Application.Common.Security;
using Marketplace.Domain.Common;
using Marketplace.Domain.Organizations;
using Mediator;

namespace Marketplace.Application.Organizations.CreateOrganization;

/// <summary>An operator registers an organisation (partner, customer or another operator).</summary>
public sealed record CreateOrganization(string? Name, OrganizationType? Type) : ICommand<OrganizationSnapshot>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Operator(MemberRole.Owner);
}

public sealed class CreateOrganizationValidator : AbstractValidator<CreateOrganization>
{
    public CreateOrganizationValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(OrganizationRules.NameMaxLength);
        RuleFor(c => c.Type).NotNull().IsInEnum();
    }
}

public sealed class CreateOrganizationHandler(IGrainFactory grains) : ICommandHandler<CreateOrganization, OrganizationSnapshot>
{
    public async ValueTask<OrganizationSnapshot> Handle(CreateOrganization command, CancellationToken cancellationToken) =>
        await grains.GetGrain<IOrganizationGrain>(Identifiers.New("org")).CreateAsync(command.Name!.Trim(), command.Type!.Value);
}
