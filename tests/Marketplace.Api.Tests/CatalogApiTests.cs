using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Marketplace.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class CatalogApiTests(MarketplaceFactory factory)
{
    [Fact]
    public async Task The_seed_catalog_is_loaded_and_searchable_by_anyone()
    {
        var result = (await factory.CreateClient().GetFromJsonAsync<JsonObject>("/api/v1/catalog/search?pageSize=5"))!;

        Assert.True(result["total"]!.GetValue<int>() >= 34);
        Assert.True(result["facets"]!["kind"]!["model"]!.GetValue<int>() >= 12);
        Assert.True(result["facets"]!["kind"]!["integrator"]!.GetValue<int>() >= 10);
        Assert.True(result["facets"]!["kind"]!["hardware"]!.GetValue<int>() >= 12);
        var item = result["items"]![0]!;
        foreach (var field in new[] { "id", "kind", "name", "partnerName", "summary" })
        {
            Assert.NotNull(item[field]);
        }
    }

    [Fact]
    public async Task Filters_by_kind_industry_and_task_with_the_contract_parameters()
    {
        var result = (await factory.CreateClient().GetFromJsonAsync<JsonObject>("/api/v1/catalog/search?kind=model&task=text-embedding&industry=finance"))!;

        Assert.True(result["total"]!.GetValue<int>() >= 2);
        Assert.All(result["items"]!.AsArray(), i => Assert.Equal("Model", i!["kind"]!.GetValue<string>()));
        Assert.Contains(result["items"]!.AsArray(), i => i!["id"]!.GetValue<string>() == "lst_all-minilm-l6-v2");
    }

    [Theory]
    [InlineData("kind=robot", "kind")]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=1000", "pageSize")]
    [InlineData("sort=cheapest", "sort")]
    [InlineData("minPrice=abc", "minPrice")]
    [InlineData("minPrice=10&maxPrice=5", "maxPrice")]
    [InlineData("currency=XYZ", "currency")]
    public async Task Bad_search_parameters_are_400_naming_the_parameter(string query, string field)
    {
        await (await factory.CreateClient().GetAsync($"/api/v1/catalog/search?{query}")).AssertInvalidFieldsAsync(field);
    }

    [Fact]
    public async Task Compares_up_to_four_items_of_one_kind()
    {
        var comparison = (await factory.CreateClient().GetFromJsonAsync<JsonObject>("/api/v1/catalog/compare?ids=lst_orbit-hx8-h200,lst_orbit-hx8-h100,lst_orbit-ax8-mi300x"))!;

        Assert.Equal("Hardware", comparison["kind"]!.GetValue<string>());
        Assert.Equal(3, comparison["items"]!.AsArray().Count);
        var memory = comparison["rows"]!.AsArray().Single(r => r!["key"]!.GetValue<string>() == "memoryPerAcceleratorGb")!;
        Assert.Equal(["141 GB", "80 GB", "192 GB"], memory["values"]!.AsArray().Select(v => v!.GetValue<string>()));
    }

    [Theory]
    [InlineData("lst_orbit-hx8-h200,lst_all-minilm-l6-v2", HttpStatusCode.BadRequest)]
    [InlineData("lst_orbit-hx8-h200", HttpStatusCode.BadRequest)]
    [InlineData("lst_orbit-hx8-h200,lst_orbit-hx8-h100,lst_orbit-ax8-mi300x,lst_orbit-lx8-l4,lst_orbit-gx8-gaudi3", HttpStatusCode.BadRequest)]
    [InlineData("lst_orbit-hx8-h200,lst_nope", HttpStatusCode.NotFound)]
    public async Task Comparing_mixed_kinds_too_many_or_unknown_items_is_refused(string ids, HttpStatusCode status)
    {
        await (await factory.CreateClient().GetAsync($"/api/v1/catalog/compare?ids={ids}")).AssertProblemAsync(status);
    }

    [Fact]
    public async Task A_catalog_item_has_its_kind_specific_details()
    {
        var item = (await factory.CreateClient().GetFromJsonAsync<JsonObject>("/api/v1/catalog/items/lst_all-minilm-l6-v2"))!;

        Assert.Equal("Model", item["kind"]!.GetValue<string>());
        Assert.Equal("text-embedding", item["content"]!["model"]!["task"]!.GetValue<string>());
        Assert.Equal("apache-2.0", item["content"]!["model"]!["license"]!.GetValue<string>());
    }

    [Fact]
    public async Task Industries_come_with_scenarios()
    {
        var industries = (await factory.CreateClient().GetFromJsonAsync<JsonArray>("/api/v1/catalog/industries"))!;

        Assert.Contains(industries, i => i!["id"]!.GetValue<string>() == "manufacturing" && i["scenarios"]!.AsArray().Count > 0);
    }

    [Fact]
    public async Task Reloading_the_seed_catalog_changes_nothing()
    {
        var listings = await factory.Admin().GetFromJsonAsync<JsonArray>("/api/v1/partners/org_lumen-ai-labs/listings");
        var before = listings!.ToJsonString();

        using var reloaded = await factory.Admin().PostAsync("/api/v1/admin/catalog/reload", null);
        var report = await reloaded.ReadObjectAsync();

        Assert.Equal(HttpStatusCode.OK, reloaded.StatusCode);
        Assert.True(report["changedNothing"]!.GetValue<bool>(), report.ToJsonString());
        Assert.Equal(0, report["listingsCreated"]!.GetValue<int>());
        Assert.Equal(0, report["listingsUpdated"]!.GetValue<int>());
        Assert.Equal(before, (await factory.Admin().GetFromJsonAsync<JsonArray>("/api/v1/partners/org_lumen-ai-labs/listings"))!.ToJsonString());
    }
}
