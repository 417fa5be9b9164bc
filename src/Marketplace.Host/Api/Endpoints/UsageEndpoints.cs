using Marketplace.Application.Billing;
using Marketplace.Domain.Billing;
using Mediator;

namespace Marketplace.Host.Api.Endpoints;

public sealed record UsageEventsRequest(IReadOnlyList<UsageRecord?>? Events);

public sealed record SpendCapRequest(long? MonthlyCapMinor, string? Currency);

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
        api.MapPut("/organizations/{orgId}/spend-cap", async (string orgId, SpendCapRequest body, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new SetSpendCap(orgId, body.MonthlyCapMinor, body.Currency), ct)))
            .WithTags("Billing")
            .WithSummary("Set what paid sandbox trials (beyond the free daily quota, at the model's price per 1,000) may cost a month {\"monthlyCapMinor\",\"currency\"} (owner); 0 turns paid trials off. Past the cap trials are a 429 naming it; from 80 % trials carry a warning.");
        api.MapGet("/organizations/{orgId}/spend", async (string orgId, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetTrialSpend(orgId), ct)))
            .WithTags("Billing")
            .WithSummary("The organisation's spend cap and this month's paid sandbox trials, model by model, with their invoices.");
        api.MapGet("/admin/usage/by-model", async (int? days, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetUsageByListing(days ?? 30), ct)))
            .WithTags("Operator: finance")
            .WithSummary("Metered usage per model, unit and day over the last ?days= (30 by default; operators).");
    }
}
