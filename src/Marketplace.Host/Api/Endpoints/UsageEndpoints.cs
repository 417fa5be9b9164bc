using Marketplace.Application.Billing;
using Marketplace.Domain.Billing;
using Mediator;

namespace Marketplace.Host.Api.Endpoints;

public sealed record UsageEventsRequest(IReadOnlyList<UsageRecord?>? Events);

internal static class UsageEndpoints
{
    public static void MapUsageEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/usage/events", async (UsageEventsRequest body, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new RecordUsage(body.Events), ct)))
            .WithTags("Billing")
            .WithSummary("Report metered usage from a deployment {\"events\":[{\"id\",\"orderLineId\",\"quantity\",\"unit\",\"at\"}]} (up to 1,000; the order's customer); " +
                         "each record is accepted, a duplicate (same id: a no-op) or refused with a reason (wrong unit, outside the term, a month already invoiced).");
        api.MapGet("/orders/{id}/usage", async (string id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetOrderUsage(id), ct)))
            .WithTags("Billing")
            .WithSummary("An order's usage-priced lines (their ids for reporting usage) and its metered usage month by month, with what it comes to.");
        api.MapGet("/admin/usage/by-model", async (int? days, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetUsageByListing(days ?? 30), ct)))
            .WithTags("Operator: finance")
            .WithSummary("Metered usage per model, unit and day over the last ?days= (30 by default; operators).");
    }
}
