using Marketplace.Abstractions.Partners;
using Marketplace.Application.Common.Security;
using Marketplace.Domain.Organizations;
using Mediator;

namespace Marketplace.Application.Partners.SubmitApplication;

/// <summary>The partner's owner submits the application for verification.</summary>
public sealed record SubmitPartnerApplication(string OrganizationId) : ICommand<PartnerSnapshot>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Organization(OrganizationId, MemberRole.Owner, operatorMay: false);
}

public sealed class SubmitPartnerApplicationHandler(IGrainFactory grains, ICallerAccessor callers) : ICommandHandler<SubmitPartnerApplication, PartnerSnapshot>
{
    public async ValueTask<PartnerSnapshot> Handle(SubmitPartnerApplication c, CancellationToken cancellationToken) =>
        await (await grains.PartnerAsync(c.OrganizationId)).SubmitAsync(Actors.Describe(await callers.GetCallerAsync(cancellationToken)));
}
