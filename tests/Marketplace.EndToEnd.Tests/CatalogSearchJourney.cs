using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Marketplace.EndToEnd.Tests;

/// <summary>
/// The catalog's search box in a real browser: what is typed before the page is live is searched
/// once it is, Enter works before then too, and Back and Forward move between searches.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class CatalogSearchJourney(BrowserFixture fixture)
{
    [Fact]
    public async Task A_search_typed_before_the_page_is_live_runs_once_it_is_and_typing_carries_on()
    {
        var page = await fixture.NewPageAsync();
        var circuit = await HeldCircuit.HoldAsync(page);
        await page.GotoAsync("/catalog", new() { WaitUntil = WaitUntilState.Commit });
        var search = page.GetByTestId("catalog-search");

        await search.FillAsync("resnet");
        // Typed into the page as the server prerendered it: nothing is live to run the search yet.
        await Assertions.Expect(page.GetByTestId("main")).ToHaveAttributeAsync("data-interactive", "false");
        circuit.Release();

        await Assertions.Expect(page).ToHaveURLAsync(Address("/catalog?q=resnet"));
        await Assertions.Expect(page.GetByTestId("main")).ToHaveAttributeAsync("data-interactive", "true");
        await Assertions.Expect(page.GetByTestId("catalog-total")).ToHaveTextAsync("3 listings");
        await Assertions.Expect(search).ToHaveValueAsync("resnet");
        await Assertions.Expect(search).ToBeFocusedAsync();
        // The live box has the caret where it was: the next keystrokes refine the same search.
        await page.Keyboard.TypeAsync("-50");
        await Assertions.Expect(page).ToHaveURLAsync(Address("/catalog?q=resnet-50"));
        await Assertions.Expect(page.GetByTestId("catalog-result")).ToHaveCountAsync(await TotalAsync("q=resnet-50"));
    }

    [Fact]
    public async Task Enter_before_the_page_is_live_searches_as_a_plain_form_keeping_the_other_filters()
    {
        var page = await fixture.NewPageAsync();
        var circuit = await HeldCircuit.HoldAsync(page);
        await page.GotoAsync("/catalog?kind=model", new() { WaitUntil = WaitUntilState.Commit });

        await page.GetByTestId("catalog-search").FillAsync("resnet");
        await page.GetByTestId("catalog-search").PressAsync("Enter");

        // The browser submitted the form itself: a new page, still not live, with the filter kept.
        await Assertions.Expect(page).ToHaveURLAsync(fixture.BaseUrl + "/catalog?kind=model&q=resnet");
        await Assertions.Expect(page.GetByTestId("main")).ToHaveAttributeAsync("data-interactive", "false");
        circuit.Release();
        await Assertions.Expect(page.GetByTestId("catalog-total")).ToHaveTextAsync("3 listings");
        await Assertions.Expect(page.GetByTestId("catalog-search")).ToHaveValueAsync("resnet");
        await Assertions.Expect(page.GetByTestId("kind-chip-model")).ToHaveClassAsync(Filled());
    }

    [Fact]
    public async Task An_address_with_a_search_and_filters_opens_with_them_applied()
    {
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("/catalog?q=resnet&industry=manufacturing");

        await Assertions.Expect(page.GetByTestId("catalog-search")).ToHaveValueAsync("resnet");
        await Assertions.Expect(page.GetByTestId("facet-industry-manufacturing")).ToHaveAttributeAsync("data-selected", "true");
        await Assertions.Expect(page.GetByTestId("catalog-total")).ToHaveTextAsync($"{await TotalAsync("q=resnet&industry=manufacturing")} listings");
    }

    [Fact]
    public async Task Back_and_forward_move_between_searches_and_filters()
    {
        var everything = await TotalAsync("");
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/catalog");
        var search = page.GetByTestId("catalog-search");
        var total = page.GetByTestId("catalog-total");

        await Portal.SearchCatalogAsync(page, "resnet");
        await Assertions.Expect(total).ToHaveTextAsync("3 listings");
        await Portal.SearchCatalogAsync(page, "H200");
        await Assertions.Expect(total).ToHaveTextAsync("1 listing");
        await page.GetByTestId("kind-chip-hardware").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(Address("/catalog?q=H200&kind=hardware"));

        await page.GoBackAsync();
        await Assertions.Expect(page).ToHaveURLAsync(Address("/catalog?q=H200"));
        await Assertions.Expect(page.GetByTestId("kind-chip-all")).ToHaveClassAsync(Filled());
        await page.GoBackAsync();
        await Assertions.Expect(page).ToHaveURLAsync(Address("/catalog?q=resnet"));
        await Assertions.Expect(search).ToHaveValueAsync("resnet");
        await Assertions.Expect(total).ToHaveTextAsync("3 listings");
        await page.GoBackAsync();
        await Assertions.Expect(page).ToHaveURLAsync(Address("/catalog"));
        await Assertions.Expect(search).ToHaveValueAsync("");
        await Assertions.Expect(total).ToHaveTextAsync($"{everything} listings");

        await page.GoForwardAsync();
        await Assertions.Expect(page).ToHaveURLAsync(Address("/catalog?q=resnet"));
        await Assertions.Expect(search).ToHaveValueAsync("resnet");
        await Assertions.Expect(total).ToHaveTextAsync("3 listings");
        await page.GoForwardAsync();
        await Assertions.Expect(page).ToHaveURLAsync(Address("/catalog?q=H200"));
        await Assertions.Expect(search).ToHaveValueAsync("H200");
        await Assertions.Expect(total).ToHaveTextAsync("1 listing");
    }

    private string Address(string pathAndQuery) => fixture.BaseUrl + pathAndQuery;

    private async Task<int> TotalAsync(string query)
    {
        using var http = new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) };
        return (await http.GetFromJsonAsync<JsonObject>("/api/v1/catalog/search?" + query))!["total"]!.GetValue<int>();
    }

    [GeneratedRegex(@"\bmud-chip-filled\b")]
    private static partial Regex Filled();

    /// <summary>
    /// Holds back the Blazor script, so the page stays exactly as the server prerendered it (no
    /// circuit, nothing live) until the test releases it: what a person sees on a slow connection.
    /// </summary>
    private sealed class HeldCircuit
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public static async Task<HeldCircuit> HoldAsync(IPage page)
        {
            var held = new HeldCircuit();
            await page.RouteAsync("**/_framework/blazor.web*.js", async route =>
            {
                await held._release.Task;
                try
                {
                    await route.ContinueAsync();
                }
                catch (PlaywrightException)
                {
                    // The page that asked for it has navigated away (a form was submitted meanwhile).
                }
            });
            return held;
        }

        /// <summary>Lets the held script and any later request for it through.</summary>
        public void Release() => _release.TrySetResult();
    }
}
