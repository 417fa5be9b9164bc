using Marketplace.Abstractions.Listings;
using Marketplace.Application.Common.Security;
using Mediator;

namespace Marketplace.Application.Listings.GetListing;

/// <summary>A listing with drafts, reviews and history, for its partner and operators.</summary>
public sealed record GetListing(string ListingId) : IQuery<ListingSnapshot>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Listing(ListingId);
}

public sealed class GetListingHandler(IGrainFactory grains) : IQueryHandler<GetListing, ListingSnapshot>
{
    public async ValueTask<ListingSnapshot> Handle(GetListing query, CancellationToken cancellationToken) =>
        (await (await grains.ExistingListingAsync(query.ListingId)).GetAsync())!;
}
