using Microsoft.Playwright;

namespace Marketplace.EndToEnd.Tests;

[Collection(BrowserCollection.Name)]
public sealed class PortalShellJourney(BrowserFixture fixture)
{
    [Fact]
    public async Task The_home_page_renders_with_mudblazor_and_switches_to_dark_mode()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");

        await Assertions.Expect(page.Locator(".mud-layout")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("hero-title")).ToBeVisibleAsync();
        // The toggle works once the interactive circuit is up; until then a click does nothing.
        const string Background = "getComputedStyle(document.body).backgroundColor";
        var before = await page.EvaluateAsync<string>(Background);
        await Portal.UntilAsync(
            () => page.GetByTestId("dark-mode-toggle").ClickAsync(),
            async () => await page.EvaluateAsync<string>(Background) != before);
        await BrowserFixture.ScreenshotAsync(page, "00-home-dark");
    }
}
