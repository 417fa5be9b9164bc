using FluentValidation;
using Marketplace.Abstractions.Partners;
using Marketplace.Application.Common.Security;
using Marketplace.Domain.Organizations;
using Mediator;

namespace Marketplace.Application.Partners.AcceptAgreement;

/// <summary>The partner's owner accepts a version of the partner agreement (recorded with who and when).</summary>
public sealed record AcceptAgreement(string OrganizationId, string? Version) : ICommand<PartnerSnapshot>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Organization(OrganizationId, MemberRole.Owner, operatorMay: false);
}

public sealed class AcceptAgreementValidator : AbstractValidator<AcceptAgreement>
{
    public AcceptAgreementValidator() => RuleFor(c => c.Version).NotEmpty().MaximumLength(20);
}

public sealed class AcceptAgreementHandler(IGrainFactory grains, ICallerAccessor callers) : ICommandHandler<AcceptAgreement, PartnerSnapshot>
{
    public async ValueTask<PartnerSnapshot> Handle(AcceptAgreement c, CancellationToken cancellationToken) =>
        await (await grains.PartnerAsync(c.OrganizationId)).AcceptAgreementAsync(
            c.Version!.Trim(), Actors.Describe(await callers.GetCallerAsync(cancellationToken)));
}
