using Marketplace.Abstractions.Listings;
using Marketplace.Application.Common.Security;
using Marketplace.Application.Partners;
using Mediator;

namespace Marketplace.Application.Listings.ListPartnerListings;

/// <summary>Every listing of a partner with its working status, newest first (the partner dashboard).</summary>
public sealed record ListPartnerListings(string PartnerId) : IQuery<IReadOnlyList<ListingSnapshot>>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Organization(PartnerId);
}

public sealed class ListPartnerListingsHandler(IGrainFactory grains) : IQueryHandler<ListPartnerListings, IReadOnlyList<ListingSnapshot>>
{
    public async ValueTask<IReadOnlyList<ListingSnapshot>> Handle(ListPartnerListings query, CancellationToken cancellationToken)
    {
        var partner = await (await grains.PartnerAsync(query.PartnerId)).GetAsync();
        var listings = await Task.WhenAll(partner.ListingIds.Select(id => grains.GetGrain<IListingGrain>(id).GetAsync()));
        return listings.OfType<ListingSnapshot>().OrderByDescending(l => l.Current.CreatedAt).ToList();
    }
}
