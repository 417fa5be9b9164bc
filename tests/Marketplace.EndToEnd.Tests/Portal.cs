using System.Text.RegularExpressions;
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

    /// <summary>
    /// Waits until the page's address matches. The portal navigates client-side (history.pushState),
    /// and Playwright's WaitForURL can miss such a navigation when it lands before the waiter is set
    /// up, then waits for a load event that never comes; polling the address has no such race.
    /// </summary>
    public static Task AtAsync(IPage page, Regex url) =>
        Assertions.Expect(page).ToHaveURLAsync(url, new() { Timeout = 30_000 });

    /// <summary>
    /// Waits for the page an action leads to, or fails at once with the portal's error when the action
    /// was refused: a refused action otherwise reads as a navigation timeout.
    /// </summary>
    public static async Task LedToAsync(IPage page, Regex url)
    {
        var alert = page.GetByTestId("error-alert").First;
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(60); waited += TimeSpan.FromMilliseconds(200))
        {
            if (url.IsMatch(page.Url))
            {
                return;
            }
            if (await alert.IsVisibleAsync())
            {
                throw new InvalidOperationException($"Expected {url} but the portal said: {await alert.InnerTextAsync()}");
            }
            await Task.Delay(200);
        }
        Assert.Fail($"Expected {url} within 60 s; the page is at {page.Url}.");
    }

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
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("/signin"), new() { Timeout = 30_000 });
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
            await AtAsync(page, new Regex(Regex.Escape("q=" + Uri.EscapeDataString(text))));
        }
        catch (PlaywrightException)
        {
            Assert.Fail($"The catalog did not search for '{text}': the address is {page.Url}, the box holds '{await search.InputValueAsync()}', "
                + $"the page is {(await page.GetByTestId("main").GetAttributeAsync("data-interactive") == "true" ? "live" : "not live")}.");
        }
    }
}
