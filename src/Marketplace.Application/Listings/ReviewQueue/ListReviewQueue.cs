using Marketplace.Abstractions.Listings;
using Marketplace.Abstractions.Reviews;
using Marketplace.Application.Common.Security;
using Mediator;

namespace Marketplace.Application.Listings.ReviewQueue;

/// <summary>Listing versions waiting for an operator, oldest first.</summary>
public sealed record ListReviewQueue : IQuery<IReadOnlyList<ListingReviewItem>>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Operator();
}

public sealed class ListReviewQueueHandler(IGrainFactory grains) : IQueryHandler<ListReviewQueue, IReadOnlyList<ListingReviewItem>>
{
    public async ValueTask<IReadOnlyList<ListingReviewItem>> Handle(ListReviewQueue query, CancellationToken cancellationToken) =>
        await grains.GetGrain<IReviewQueueGrain>(0).ListAsync();
}
