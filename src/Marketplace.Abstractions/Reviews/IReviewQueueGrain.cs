using Marketplace.Abstractions.Listings;

namespace Marketplace.Abstractions.Reviews;

/// <summary>Listings waiting for an operator's decision (key: 0).</summary>
[Alias("Marketplace.IReviewQueueGrain")]
public interface IReviewQueueGrain : IGrainWithIntegerKey
{
    [Alias("EnqueueAsync")]
    Task EnqueueAsync(ListingReviewItem item);

    [Alias("RemoveAsync")]
    Task RemoveAsync(string listingId);

    [Alias("ListAsync")]
    Task<IReadOnlyList<ListingReviewItem>> ListAsync();
}
