using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Testing;
using Microsoft.Playwright;

namespace Marketplace.EndToEnd.Tests;

/// <summary>
/// One host process (embedded mode, Production, demo users on, fresh data) and one headless
/// Chromium for every journey; screenshots land in TestResults/screenshots as test artefacts.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string AdminKey = "e2e-admin-key-0123456789";

    private readonly TempDirectory _data = new("e2e");
    private IPlaywright? _playwright;

    public HostProcess Host { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl => $"http://127.0.0.1:{Host.HttpPort}";

    public static string ScreenshotFolder { get; } = Path.Combine(RepositoryPaths.Root, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        Host = new HostProcess(new Dictionary<string, string>
        {
            ["Marketplace:DataPath"] = _data.Path,
            ["Marketplace:Bootstrap:AdminApiKey"] = AdminKey,
            ["Marketplace:Demo:Enabled"] = "true",
            ["Marketplace:Cluster:SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Marketplace:Cluster:GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        await Host.StartAsync(TimeSpan.FromMinutes(3));
        await SeededModelsBenchmarkedAsync(TimeSpan.FromMinutes(3));
        // CI runs this beside other test projects on a small machine: an expectation gets 15 s, not 5.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("MARKETPLACE_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    /// <summary>
    /// A fresh host benchmarks the seeded models in the background, which keeps both cores of a
    /// small machine busy for a while; journeys start once that is done, so they measure the
    /// portal rather than a starved machine.
    /// </summary>
    private async Task SeededModelsBenchmarkedAsync(TimeSpan within)
    {
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        var models = (await http.GetFromJsonAsync<JsonObject>("/api/v1/catalog/search?kind=Model&pageSize=50"))!["items"]!.AsArray()
            .Select(item => item!["id"]!.GetValue<string>())
            .ToList();
        var deadline = DateTime.UtcNow + within;
        foreach (var id in models)
        {
            while (DateTime.UtcNow < deadline)
            {
                using var response = await http.GetAsync($"/api/v1/catalog/items/{id}/performance");
                // Models without a file answer 409 (generation models 200 with why they cannot run);
                // those with one count once a benchmark is stored.
                if (response.StatusCode != System.Net.HttpStatusCode.OK
                    || await response.Content.ReadFromJsonAsync<JsonObject>() is var performance && (performance!["unavailable"] is not null || performance["benchmarks"]!.AsArray().Count > 0))
                {
                    break;
                }
                await Task.Delay(500);
            }
        }
    }

    /// <summary>A page in a fresh browser context (no cookies); the portal follows the colour scheme the context reports.</summary>
    public async Task<IPage> NewPageAsync(ColorScheme colorScheme = ColorScheme.Light)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
            ColorScheme = colorScheme,
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        // A full-page capture draws the fixed app bar where the window is scrolled to: from the top
        // it sits at the top, as a person sees it.
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        // The host's last lines sit beside the screenshots, so a failed journey on CI can be read afterwards.
        await File.WriteAllTextAsync(Path.Combine(ScreenshotFolder, "..", "e2e-host.log"), Host.Output);
        await Host.DisposeAsync();
        _data.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
