using Marketplace.Application.Catalog.Compare;
using Marketplace.Application.Catalog.Industries;
using Marketplace.Application.Catalog.Items;
using Marketplace.Application.Catalog.Search;
using Marketplace.Application.Catalog.Seeding;
using Mediator;

namespace Marketplace.Host.Api.Endpoints;

internal static class CatalogEndpoints
{
    public static void MapCatalogEndpoints(this RouteGroupBuilder api)
    {
        var catalog = api.MapGroup("/catalog").WithTags("Catalog");
        catalog.MapGet("/search", async ([AsParameters] CatalogSearchParameters parameters, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new SearchCatalogQueryString(parameters), ct)))
            .WithSummary("Search published listings: q, kind, industry, task, license, deployment, region (repeatable), minPrice, maxPrice, currency, minMemoryGb, maxMemoryGb, sort (relevance|newest|price-asc|price-desc|name), page, pageSize.");
        catalog.MapGet("/items/{id}", async (string id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetCatalogItem(id), ct)))
            .WithSummary("One published listing.");
        catalog.MapGet("/compare", async (string? ids, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new CompareCatalogItems((ids ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)), ct)))
            .WithSummary("Compare 2 to 4 published listings of one kind: ids=a,b,c.");
        catalog.MapGet("/industries", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListIndustries(), ct)))
            .WithSummary("Industries and their scenarios.");

        api.MapPost("/admin/catalog/reload", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ReloadSeedCatalog(), ct)))
            .WithTags("Operator: catalog")
            .WithSummary("Re-read catalog/ and apply it (operator owner). Invalid files are reported by path and line and nothing changes.");
    }
}
