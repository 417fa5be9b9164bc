using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Marketplace.EndToEnd.Tests;

/// <summary>
/// No serious or critical axe finding on the portal's main pages, as anonymous visitors, partners,
/// buyers and operators see them, in the light theme and in the dark one (the portal follows the
/// browser's colour scheme; the app bar toggle switches it too). The journeys check the same pages
/// again in the states they reach (a draft application, a listing in review).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityJourney(BrowserFixture fixture)
{
    private const string Password = "Demo-password-2026";

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task Catalog_pages_have_no_serious_findings(ColorScheme scheme)
    {
        var model = await ListingIdAsync("q=all-MiniLM-L6-v2&kind=Model");
        var hardware = await ListingIdsAsync("kind=Hardware&pageSize=2");
        var page = await fixture.NewPageAsync(scheme);

        await CheckAsync(page, scheme, "/", "home", "hero-title");
        await CheckAsync(page, scheme, "/catalog", "catalog", "catalog-results");
        await CheckAsync(page, scheme, $"/catalog/{model}", "catalog item (a model with its sandbox)", "cost-row");
        await CheckAsync(page, scheme, $"/catalog/compare?ids={hardware[0]},{hardware[1]}", "compare", "compare-table");
    }

    /// <summary>Sign-in and sign-up post plain forms and render without the circuit, so in the light theme only.</summary>
    [Fact]
    public async Task Sign_in_and_sign_up_have_no_serious_findings()
    {
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("/signin");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "sign-in");
        await page.GotoAsync("/signup");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "sign-up");
    }

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task Partner_pages_have_no_serious_findings(ColorScheme scheme)
    {
        var model = await ListingIdAsync("q=all-MiniLM-L6-v2&kind=Model");
        var page = await fixture.NewPageAsync(scheme);
        await Portal.SignInAsync(page, "models@lumen-ai-labs.example", Password);

        await CheckAsync(page, scheme, "/partner/onboarding", "partner onboarding", "onboarding-stepper");
        await CheckAsync(page, scheme, $"/partner/listings/{model}", "listing editor (a model with its file)", "model-file");
        await CheckAsync(page, scheme, "/partner/listings/new?kind=Hardware", "listing editor (a new hardware listing)", "listing-name");
    }

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task Buyer_sandbox_usage_has_no_serious_findings(ColorScheme scheme)
    {
        var page = await fixture.NewPageAsync(scheme);
        await Portal.SignInAsync(page, "buyer@acme-manufacturing.example", Password);

        await CheckAsync(page, scheme, "/account/usage", "sandbox usage", "quota-summary");
    }

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task Operator_review_pages_have_no_serious_findings(ColorScheme scheme)
    {
        var model = await ListingIdAsync("q=all-MiniLM-L6-v2&kind=Model");
        var page = await fixture.NewPageAsync(scheme);
        await Portal.SignInAsync(page, "operator@marketplace.example", Password);

        await CheckAsync(page, scheme, "/admin/reviews", "review queue", "review-tabs");
        await CheckAsync(page, scheme, $"/admin/listings/{model}", "listing review", "review-checks");
    }

    /// <summary>Opens a page, waits until it is live in the wanted theme and its content is there, and runs axe.</summary>
    private static async Task CheckAsync(IPage page, ColorScheme scheme, string path, string what, string content)
    {
        await Portal.GoAsync(page, path);
        await Portal.ThemeAsync(page, scheme);
        await Assertions.Expect(page.GetByTestId(content).First).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, $"{what}, {scheme.ToString().ToLowerInvariant()} theme");
    }

    private async Task<string> ListingIdAsync(string query) => (await ListingIdsAsync(query)).First();

    private async Task<List<string>> ListingIdsAsync(string query)
    {
        using var http = new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) };
        return (await http.GetFromJsonAsync<JsonObject>("/api/v1/catalog/search?" + query))!["items"]!.AsArray()
            .Select(item => item!["id"]!.GetValue<string>())
            .ToList();
    }
}
