using Marketplace.Abstractions.Listings;
using Marketplace.Domain.Common;

namespace Marketplace.Application.Common.Security;

internal sealed class GrainResourceOwners(IGrainFactory grains) : IResourceOwners
{
    public async ValueTask<string?> ListingOwnerAsync(string listingId) =>
        Identifiers.LooksLike(listingId, "lst")
            ? (await grains.GetGrain<IListingGrain>(listingId).GetAsync())?.PartnerId
            : null;
}
