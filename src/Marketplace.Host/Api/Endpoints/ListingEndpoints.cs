using Marketplace.Application.Listings.CreateListing;
using Marketplace.Application.Listings.GetListing;
using Marketplace.Application.Listings.ReviewQueue;
using Marketplace.Application.Listings.Transitions;
using Marketplace.Application.Listings.UpdateListing;
using Mediator;

namespace Marketplace.Host.Api.Endpoints;

internal static class ListingEndpoints
{
    public static void MapListingEndpoints(this RouteGroupBuilder api)
    {
        var listings = api.MapGroup("/listings").WithTags("Listings");
        listings.MapPost("/", async (CreateListing command, IMediator m, CancellationToken ct) =>
            {
                var created = await m.Send(command, ct);
                return TypedResults.Created($"/api/v1/listings/{created.Id}", created);
            })
            .WithSummary("Create a listing (a draft at 1.0.0) for your partner organisation.");
        listings.MapGet("/{id}", async (string id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetListing(id), ct)))
            .WithSummary("A listing with all versions, reviews and history (its partner and operators).");
        listings.MapPut("/{id}", async (string id, UpdateListing command, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(command with { ListingId = id }, ct)))
            .WithSummary("Edit the draft; on a published listing this opens a new version ('version' or the next minor).");
        listings.MapPost("/{id}/submit", async (string id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new SubmitListing(id), ct)))
            .WithSummary("Submit for review (verified partners only); 409 lists failed checks.");
        listings.MapPost("/{id}/withdraw", async (string id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new WithdrawListing(id), ct)))
            .WithSummary("Take a version back out of review.");
        listings.MapPost("/{id}/deprecate", async (string id, ReasonRequest? b, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new DeprecateListing(id, b?.Reason), ct)))
            .WithSummary("Deprecate the published listing: it leaves the catalog.");

        var admin = api.MapGroup("/admin/listings").WithTags("Operator: listings");
        admin.MapGet("/review-queue", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListReviewQueue(), ct)))
            .WithSummary("Listing versions waiting for review, oldest first.");
        admin.MapPost("/{id}/approve", async (string id, NoteRequest? b, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ApproveListing(id, b?.Note), ct)))
            .WithSummary("Approve the version in review: it is published and searchable.");
        admin.MapPost("/{id}/reject", async (string id, ReasonRequest? b, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new RejectListing(id, b?.Reason), ct)))
            .WithSummary("Reject the version in review with a reason.");
    }
}
