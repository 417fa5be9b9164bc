using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class PlatformTests(MarketplaceFactory factory)
{
    [Fact]
    public async Task Health_is_live_and_ready()
    {
        var client = factory.CreateClient();

        Assert.Equal("Healthy", await client.GetStringAsync("/health/live"));
        Assert.Equal("Healthy", await client.GetStringAsync("/health/ready"));
    }

    [Fact]
    public void OpenTelemetry_traces_and_metrics_are_registered()
    {
        Assert.NotNull(factory.Services.GetService<OpenTelemetry.Trace.TracerProvider>());
        Assert.NotNull(factory.Services.GetService<OpenTelemetry.Metrics.MeterProvider>());
    }

    [Fact]
    public async Task The_openapi_document_is_valid_and_describes_the_api()
    {
        var document = JsonNode.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json"))!.AsObject();

        Assert.StartsWith("3.", document["openapi"]!.GetValue<string>());
        Assert.Equal("Marketplace API", document["info"]!["title"]!.GetValue<string>());
        var paths = document["paths"]!.AsObject();
        Assert.Contains("/api/v1/system/info", paths.Select(p => p.Key));
        Assert.Contains("/api/v1/admin/organizations", paths.Select(p => p.Key));
        Assert.Contains("/api/v1/admin/organizations/{id}/api-keys", paths.Select(p => p.Key));
        foreach (var path in new[] { "/api/v1/solutions/candidates", "/api/v1/quotes", "/api/v1/quotes/{id}", "/api/v1/quotes/{id}/pdf", "/api/v1/quotes/{id}/accept", "/api/v1/orders/{id}", "/api/v1/admin/terms/take-rate" })
        {
            Assert.Contains(path, paths.Select(p => p.Key));
        }
        Assert.DoesNotContain(paths, p => p.Key.StartsWith("/dashboard", StringComparison.Ordinal));
        Assert.NotNull(document["components"]!["securitySchemes"]!["apiKey"]);
        // Every operation has responses and every $ref points at a schema that exists.
        var schemas = document["components"]!["schemas"]!.AsObject();
        foreach (var (_, item) in paths)
        {
            foreach (var (_, operation) in item!.AsObject())
            {
                Assert.NotNull(operation!["responses"]);
            }
        }
        foreach (var reference in References(document))
        {
            Assert.StartsWith("#/components/schemas/", reference);
            Assert.True(schemas.ContainsKey(reference["#/components/schemas/".Length..]), reference);
        }
    }

    [Fact]
    public async Task The_scalar_api_reference_is_served()
    {
        using var response = await factory.CreateClient().GetAsync("/scalar");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("text/html", response.Content.Headers.ContentType!.ToString());
    }

    [Fact]
    public async Task System_info_lists_the_mode_the_active_silo_and_its_devices_with_the_cpu_last()
    {
        var info = JsonNode.Parse(await factory.Admin().GetStringAsync("/api/v1/system/info"))!.AsObject();

        Assert.Equal("Embedded", info["mode"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(info["version"]!.GetValue<string>()));
        var silo = Assert.Single(info["silos"]!.AsArray());
        Assert.Equal("Active", silo!["status"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(silo["address"]!.GetValue<string>()));
        // GPUs first (where there are any), the CPU always last; a silo without a GPU says why, for operators.
        var devices = await DeviceExpectations.AdvertisedAsync(factory.Admin());
        Assert.Equal(("cpu", "CPU"), (devices[^1]!["id"]!.GetValue<string>(), devices[^1]!["kind"]!.GetValue<string>()));
        Assert.All(devices.SkipLast(1), d => Assert.Equal("CUDA", d!["kind"]!.GetValue<string>()));
        Assert.All(devices, d => Assert.False(string.IsNullOrEmpty(d!["name"]!.GetValue<string>())));
        var note = JsonNode.Parse(await factory.Admin().GetStringAsync("/api/v1/system/info"))!["silos"]![0]!["deviceNote"]?.GetValue<string>();
        Assert.Equal(devices.Count == 1, !string.IsNullOrEmpty(note));
    }

    [Fact]
    public async Task The_portal_shell_renders_with_mudblazor_and_its_assets_are_served()
    {
        var client = factory.CreateClient();

        var html = await client.GetStringAsync("/");

        Assert.Contains("mud-layout", html);
        Assert.Contains("Marketplace", html);
        var css = System.Text.RegularExpressions.Regex.Match(html, "href=\"(_content/MudBlazor/[^\"]+\\.css)\"").Groups[1].Value;
        Assert.NotEmpty(css);
        using var stylesheet = await client.GetAsync("/" + css);
        Assert.Equal(HttpStatusCode.OK, stylesheet.StatusCode);
        Assert.Contains(".mud-", await stylesheet.Content.ReadAsStringAsync());
        using var script = await client.GetAsync("/_framework/blazor.web.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    [Fact]
    public async Task Unknown_api_paths_are_404_problems()
    {
        using var response = await factory.Admin().GetAsync("/api/v1/does-not-exist");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private static IEnumerable<string> References(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "$ref" && p.Value is JsonValue v ? [v.GetValue<string>()] : References(p.Value)),
        JsonArray a => a.SelectMany(References),
        _ => [],
    };
}
