using System.Globalization;
using Marketplace.Application.Catalog.Compare;
using Marketplace.Application.Catalog.Industries;
using Marketplace.Application.Catalog.Items;
using Marketplace.Application.Catalog.Search;
using Marketplace.Application.Catalog.Seeding;
using Marketplace.Abstractions.Errors;
using Marketplace.Domain.Catalog;
using Marketplace.Domain.Listings;
using Mediator;

namespace Marketplace.Host.Api.Endpoints;

internal static class CatalogEndpoints
{
    public static void MapCatalogEndpoints(this RouteGroupBuilder api)
    {
        var catalog = api.MapGroup("/catalog").WithTags("Catalog");
        catalog.MapGet("/search", async (HttpRequest request, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new SearchCatalog(CatalogQueryString.Parse(request.Query)), ct)))
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

/// <summary>The search query string: every bad parameter is reported by name, none is ignored.</summary>
internal static class CatalogQueryString
{
    public static CatalogQuery Parse(IQueryCollection q)
    {
        var errors = new Dictionary<string, string[]>();
        var query = new CatalogQuery
        {
            Text = q["q"].ToString() is { Length: > 0 } text ? text : null,
            Kinds = Enums<ListingKind>(q, "kind", errors),
            Industries = Values(q, "industry"),
            Tasks = Values(q, "task"),
            Licenses = Values(q, "license"),
            Deployments = Values(q, "deployment"),
            Regions = Values(q, "region"),
            MinPriceMinor = Long(q, "minPrice", errors),
            MaxPriceMinor = Long(q, "maxPrice", errors),
            Currency = q["currency"].ToString() is { Length: > 0 } currency ? currency.ToUpperInvariant() : "USD",
            MinAcceleratorMemoryGb = Double(q, "minMemoryGb", errors),
            MaxAcceleratorMemoryGb = Double(q, "maxMemoryGb", errors),
            Sort = Sort(q, errors),
            Page = (int?)Long(q, "page", errors) ?? 1,
            PageSize = (int?)Long(q, "pageSize", errors) ?? 20,
        };
        return errors.Count > 0 ? throw new RequestValidationException(errors) : query;
    }

    private static List<string> Values(IQueryCollection q, string name) =>
        q[name].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();

    private static List<T> Enums<T>(IQueryCollection q, string name, Dictionary<string, string[]> errors)
        where T : struct, Enum
    {
        var result = new List<T>();
        foreach (var value in Values(q, name))
        {
            if (Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _))
            {
                result.Add(parsed);
            }
            else
            {
                errors[name] = [$"'{value}' is not one of {string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}."];
            }
        }
        return result;
    }

    private static long? Long(IQueryCollection q, string name, Dictionary<string, string[]> errors)
    {
        var text = q[name].ToString();
        if (text.Length == 0)
        {
            return null;
        }
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value is >= int.MinValue and <= 10_000_000_000_000)
        {
            return value;
        }
        errors[name] = [$"'{name}' must be a whole number."];
        return null;
    }

    private static double? Double(IQueryCollection q, string name, Dictionary<string, string[]> errors)
    {
        var text = q[name].ToString();
        if (text.Length == 0)
        {
            return null;
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }
        errors[name] = [$"'{name}' must be a number."];
        return null;
    }

    private static CatalogSort Sort(IQueryCollection q, Dictionary<string, string[]> errors) => q["sort"].ToString() switch
    {
        "" or "relevance" => CatalogSort.Relevance,
        "newest" => CatalogSort.Newest,
        "price-asc" => CatalogSort.PriceAscending,
        "price-desc" => CatalogSort.PriceDescending,
        "name" => CatalogSort.Name,
        var other => Invalid(errors, other),
    };

    private static CatalogSort Invalid(Dictionary<string, string[]> errors, string value)
    {
        errors["sort"] = [$"'{value}' is not one of relevance, newest, price-asc, price-desc, name."];
        return CatalogSort.Relevance;
    }
}
