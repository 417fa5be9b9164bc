using Microsoft.Playwright;

namespace Marketplace.EndToEnd.Tests;

internal static class Portal
{
    /// <summary>
    /// Interactive pages are prerendered, and only the catalog's search box keeps what is typed
    /// before the live circuit replaces the prerendered copy; journeys wait for the live page
    /// before using any other control.
    /// </summary>
    public static Task InteractiveAsync(IPage page) =>
        Assertions.Expect(page.Locator("[data-testid=main][data-interactive=true]")).ToBeVisibleAsync(new() { Timeout = 60_000 });

    public static async Task GoAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await InteractiveAsync(page);
    }

    /// <summary>
    /// Waits until the page is drawn in the theme the browser asks for: the portal follows the colour
    /// scheme once it is live (its background is #f6f7fb in the light theme, #32333d in the dark one).
    /// </summary>
    public static Task ThemeAsync(IPage page, ColorScheme scheme) =>
        page.WaitForFunctionAsync("expected => getComputedStyle(document.body).backgroundColor === expected",
            scheme == ColorScheme.Dark ? "rgb(50, 51, 61)" : "rgb(246, 247, 251)");

    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/signin");
        await page.GetByTestId("signin-email").FillAsync(email);
        await page.GetByTestId("signin-password").FillAsync(password);
        await page.GetByTestId("signin-submit").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal));
    }

    /// <summary>
    /// Repeats an action until its effect shows: a prerendered page accepts clicks before the
    /// Blazor circuit is connected, and those clicks are lost.
    /// </summary>
    public static async Task UntilAsync(Func<Task> act, Func<Task<bool>> done, int attempts = 20)
    {
        for (var i = 0; i < attempts; i++)
        {
            await act();
            for (var wait = 0; wait < 10; wait++)
            {
                if (await done())
                {
                    return;
                }
                await Task.Delay(100);
            }
        }
        Assert.Fail("The page did not react.");
    }

    /// <summary>
    /// Types a search into the catalog once, whether or not the page is live yet, and waits until
    /// the page has run it (the query is in the address).
    /// </summary>
    public static async Task SearchCatalogAsync(IPage page, string text)
    {
        var search = page.GetByTestId("catalog-search");
        await search.FillAsync(text);
        try
        {
            await page.WaitForURLAsync(url => url.Contains("q=" + Uri.EscapeDataString(text), StringComparison.Ordinal));
        }
        catch (TimeoutException)
        {
            Assert.Fail($"The catalog did not search for '{text}': the address is {page.Url}, the box holds '{await search.InputValueAsync()}', "
                + $"the page is {(await page.GetByTestId("main").GetAttributeAsync("data-interactive") == "true" ? "live" : "not live")}.");
        }
    }
}
