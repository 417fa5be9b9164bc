using Marketplace.Abstractions.Partners;
using Marketplace.Application.Common.Security;
using Marketplace.Domain.Organizations;
using Mediator;

namespace Marketplace.Application.Partners.RemoveDocument;

public sealed record RemovePartnerDocument(string OrganizationId, string DocumentId) : ICommand<PartnerSnapshot>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Organization(OrganizationId, MemberRole.Owner, operatorMay: false);
}

public sealed class RemovePartnerDocumentHandler(IGrainFactory grains, ICallerAccessor callers) : ICommandHandler<RemovePartnerDocument, PartnerSnapshot>
{
    public async ValueTask<PartnerSnapshot> Handle(RemovePartnerDocument c, CancellationToken cancellationToken) =>
        await (await grains.PartnerAsync(c.OrganizationId)).RemoveDocumentAsync(c.DocumentId, Actors.Describe(await callers.GetCallerAsync(cancellationToken)));
}
