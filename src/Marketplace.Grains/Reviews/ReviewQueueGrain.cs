using Marketplace.Abstractions.Listings;
using Marketplace.Abstractions.Reviews;

namespace Marketplace.Grains.Reviews;

public sealed class ReviewQueueGrain(
    [PersistentState("reviews", StorageNames.Default)] IPersistentState<ReviewQueueState> state)
    : Grain, IReviewQueueGrain
{
    public async Task EnqueueAsync(ListingReviewItem item)
    {
        state.State.Listings[item.ListingId] = item;
        await state.WriteStateAsync();
    }

    public async Task RemoveAsync(string listingId)
    {
        if (state.State.Listings.Remove(listingId))
        {
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<ListingReviewItem>> ListAsync() =>
        Task.FromResult<IReadOnlyList<ListingReviewItem>>(state.State.Listings.Values.OrderBy(i => i.SubmittedAt).ToList());
}

[GenerateSerializer, Alias("Marketplace.ReviewQueueState")]
public sealed class ReviewQueueState
{
    [Id(0)]
    public Dictionary<string, ListingReviewItem> Listings { get; set; } = [];
}
