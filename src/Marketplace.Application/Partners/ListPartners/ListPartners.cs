using Marketplace.Abstractions.Partners;
using Marketplace.Application.Common.Security;
using Marketplace.Domain.Partners;
using Mediator;

namespace Marketplace.Application.Partners.ListPartners;

/// <summary>Partners for operators, optionally only those in one status (Submitted = the review queue).</summary>
public sealed record ListPartners(PartnerStatus? Status = null) : IQuery<IReadOnlyList<PartnerSummary>>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Operator();
}

public sealed class ListPartnersHandler(IGrainFactory grains) : IQueryHandler<ListPartners, IReadOnlyList<PartnerSummary>>
{
    public async ValueTask<IReadOnlyList<PartnerSummary>> Handle(ListPartners query, CancellationToken cancellationToken)
    {
        var all = await grains.GetGrain<IPartnerDirectoryGrain>(0).ListAsync();
        return query.Status is { } status ? all.Where(p => p.Status == status).ToList() : all;
    }
}
