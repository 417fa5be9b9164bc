using FluentValidation;
using Marketplace.Abstractions.Organizations;
using Marketplace.Application.Common.Security;
using Marketplace.Application.Organizations;
using Marketplace.Domain.Organizations;
using Mediator;

namespace Marketplace.Application.ApiKeys.IssueApiKey;

/// <summary>An owner (or an operator) issues a key for the organisation; the secret is shown once.</summary>
public sealed record IssueApiKey(string OrganizationId, string? Name, MemberRole? Role) : ICommand<IssuedApiKey>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Organization(OrganizationId, MemberRole.Owner);
}

public sealed class IssueApiKeyValidator : AbstractValidator<IssueApiKey>
{
    public IssueApiKeyValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(OrganizationRules.KeyNameMaxLength);
        RuleFor(c => c.Role).NotNull().IsInEnum();
    }
}

public sealed class IssueApiKeyHandler(IGrainFactory grains) : ICommandHandler<IssueApiKey, IssuedApiKey>
{
    public async ValueTask<IssuedApiKey> Handle(IssueApiKey command, CancellationToken cancellationToken)
    {
        var organization = await grains.ExistingOrganizationAsync(command.OrganizationId);
        return await organization.IssueApiKeyAsync(command.Name!.Trim(), command.Role!.Value);
    }
}
