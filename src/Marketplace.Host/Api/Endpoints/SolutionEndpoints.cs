using Marketplace.Application.Solutions.Candidates;
using Marketplace.Application.Solutions.Orders;
using Marketplace.Application.Solutions.Quotes;
using Marketplace.Application.Solutions.Terms;
using Mediator;

namespace Marketplace.Host.Api.Endpoints;

public sealed record TakeRateRequest(int? BasisPoints);

public sealed record TaxRateRequest(int? BasisPoints);

internal static class SolutionEndpoints
{
    public static void MapSolutionEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/solutions/candidates", async (FindCandidates body, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(body, ct)))
            .WithTags("Solutions")
            .WithSummary("The cheapest joint solutions (models + integrator + hardware) that meet the requirements, ranked and explained, with every listing left out and why (customers and operators).");

        var quotes = api.MapGroup("/quotes").WithTags("Quotes");
        quotes.MapPost("/", async (CreateQuote body, IMediator m, CancellationToken ct) =>
            {
                var quote = await m.Send(body, ct);
                return TypedResults.Created($"/api/v1/quotes/{quote.Id}", quote);
            })
            .WithSummary("Quote one solution: a model (or one per role), an integrator, hardware and optionally its number of servers; valid for 30 days (customers).");
        quotes.MapGet("/", async (string? status, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListQuotes(status), ct)))
            .WithSummary("Your organization's quotes, newest first (?status=Open|Accepted|Expired); operators see all.");
        quotes.MapGet("/{id}", async (string id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetQuote(id), ct)))
            .WithSummary("A quote: its current version in full, listings changed since, and its versions.");
        quotes.MapGet("/{id}/pdf", async (string id, IMediator m, CancellationToken ct) =>
            {
                var file = await m.Send(new GetQuotePdf(id), ct);
                return TypedResults.File(file.Content, "application/pdf", file.FileName);
            })
            .WithSummary("The quote's current version as a PDF.");
        quotes.MapPost("/{id}/accept", async (string id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new AcceptQuote(id), ct)))
            .WithSummary("Accept the quote: an order with one line per partner. Twice, or after it expired, is a 409.");
        quotes.MapPost("/{id}/requote", async (string id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new RequoteQuote(id), ct)))
            .WithSummary("Price the quote again as a new version with the listings' current versions.");

        var orders = api.MapGroup("/orders").WithTags("Quotes");
        orders.MapGet("/", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListOrders(), ct)))
            .WithSummary("Your organization's orders, newest first; operators see all.");
        orders.MapGet("/{id}", async (string id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetOrder(id), ct)))
            .WithSummary("An order with its lines per partner.");

        api.MapGet("/platform/terms", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetPlatformTerms(), ct)))
            .WithTags("Solutions")
            .WithSummary("The take rate, tax rates by region and exchange rates quotes are priced under.");
        var terms = api.MapGroup("/admin/terms").WithTags("Operator: terms");
        terms.MapPut("/take-rate", async (TakeRateRequest body, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new SetTakeRate(body.BasisPoints), ct)))
            .WithSummary("The platform's share of each partner line in basis points (operator owner).");
        terms.MapPut("/tax-rates/{region}", async (string region, TaxRateRequest body, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new SetTaxRate(region, body.BasisPoints), ct)))
            .WithSummary("A region's tax rate in basis points; null removes it (operator owner).");
        terms.MapPut("/exchange-rates", async (SetExchangeRate body, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(body, ct)))
            .WithSummary("An exchange rate {\"from\",\"to\",\"rate\":\"1.0850\"}; a null rate removes the pair (operator owner).");
    }
}
