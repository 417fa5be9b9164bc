using Marketplace.Abstractions.Errors;
using Marketplace.Abstractions.Listings;
using Marketplace.Domain.Common;

namespace Marketplace.Application.Listings;

internal static class ListingLookup
{
    /// <summary>The listing's grain once it is known to exist; garbage ids never reach storage.</summary>
    public static async Task<IListingGrain> ExistingListingAsync(this IGrainFactory grains, string id)
    {
        if (Identifiers.LooksLike(id, "lst"))
        {
            var grain = grains.GetGrain<IListingGrain>(id);
            if (await grain.GetAsync() is not null)
            {
                return grain;
            }
        }
        throw new NotFoundException("Listing", id);
    }
}
