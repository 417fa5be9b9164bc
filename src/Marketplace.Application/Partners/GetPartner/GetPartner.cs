using Marketplace.Abstractions.Partners;
using Marketplace.Application.Common.Security;
using Mediator;

namespace Marketplace.Application.Partners.GetPartner;

/// <summary>A partner's application, status and audit trail.</summary>
public sealed record GetPartner(string OrganizationId) : IQuery<PartnerSnapshot>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Organization(OrganizationId);
}

public sealed class GetPartnerHandler(IGrainFactory grains) : IQueryHandler<GetPartner, PartnerSnapshot>
{
    public async ValueTask<PartnerSnapshot> Handle(GetPartner query, CancellationToken cancellationToken) =>
        await (await grains.PartnerAsync(query.OrganizationId)).GetAsync();
}
