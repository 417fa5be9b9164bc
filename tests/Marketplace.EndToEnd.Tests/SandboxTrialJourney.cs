using System.Globalization;
using Microsoft.Playwright;

namespace Marketplace.EndToEnd.Tests;

/// <summary>
/// A buyer finds the seeded all-MiniLM-L6-v2, tries it with two paraphrases and an unrelated
/// sentence on the real engine, sees the embeddings, which device ran them and what a thousand
/// inferences would cost on each hardware offering, then finds the trial in the usage page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SandboxTrialJourney(BrowserFixture fixture)
{
    [Fact]
    public async Task A_buyer_tries_a_text_model_and_sees_embeddings_device_costs_and_usage()
    {
        var buyer = await fixture.NewPageAsync();
        await Portal.SignInAsync(buyer, "buyer@acme-manufacturing.example", "Demo-password-2026");
        // Typed as soon as the catalog shows, before it is live.
        await buyer.GotoAsync("/catalog");
        await Portal.SearchCatalogAsync(buyer, "all-MiniLM-L6-v2");
        await Assertions.Expect(buyer.GetByTestId("catalog-total")).ToHaveTextAsync("1 listing");
        await buyer.GetByTestId("catalog-result").Filter(new() { HasText = "all-MiniLM-L6-v2" }).GetByTestId("catalog-result-link").ClickAsync();
        await Portal.InteractiveAsync(buyer);

        await buyer.GetByTestId("tryit-text").FillAsync(string.Join('\n',
            "The invoice was paid two days late.",
            "Payment for the bill arrived two days after the due date.",
            "The forklift battery needs replacing."));
        await buyer.GetByTestId("tryit-run").ClickAsync();

        var trial = buyer.GetByTestId("trial-result");
        await Assertions.Expect(trial).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(buyer.GetByTestId("trial-embedding-dimension")).ToHaveTextAsync("384");
        var paraphrases = await Cell(buyer, 0, 1);
        var unrelated = await Cell(buyer, 0, 2);
        Assert.True(paraphrases > unrelated + 0.2, $"paraphrases {paraphrases} vs unrelated {unrelated}");
        Assert.Equal(1.0, await Cell(buyer, 1, 1), precision: 2);
        // Whichever device ran it (a GPU where the host has one), the usage row names the same kind.
        var device = buyer.GetByTestId("trial-device").First;
        await Assertions.Expect(device).ToHaveAttributeAsync("data-kind", new System.Text.RegularExpressions.Regex("^(CPU|CUDA)$"));
        var deviceKind = (await device.GetAttributeAsync("data-kind"))!;
        await Assertions.Expect(buyer.GetByTestId("cost-row").First).ToBeVisibleAsync();
        Assert.True(await buyer.GetByTestId("cost-row").CountAsync() >= 3);
        await BrowserFixture.ScreenshotAsync(buyer, "20-buyer-tries-minilm");
        await Accessibility.AssertNoSeriousViolationsAsync(buyer, "catalog item with a trial's embeddings and similarities");

        await Portal.GoAsync(buyer, "/account/usage");
        await Assertions.Expect(buyer.GetByTestId("usage-events")).ToContainTextAsync(deviceKind);
        await Assertions.Expect(buyer.GetByTestId("quota-trials")).ToContainTextAsync("1");
        await BrowserFixture.ScreenshotAsync(buyer, "21-buyer-sandbox-usage");
    }

    private static async Task<double> Cell(IPage page, int row, int column) =>
        double.Parse(
            (await page.Locator($"[data-testid=similarity-cell][data-row='{row}'][data-col='{column}']").InnerTextAsync()).Trim(),
            CultureInfo.InvariantCulture);
}
