using Marketplace.Testing;
using Microsoft.Playwright;

namespace Marketplace.EndToEnd.Tests;

/// <summary>
/// portal.js on its own, in Chromium, on a page that imitates Blazor's hand-over: the prerendered
/// field is removed and a live one put in its place, the moment decided by the test.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EarlyInputScriptTests(BrowserFixture fixture)
{
    private static readonly string Script = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "portal", "Marketplace.Portal", "wwwroot", "portal.js"));

    private const string Field = "input[data-early-input='search']";

    [Fact]
    public async Task The_live_field_gets_the_text_focus_and_caret_typed_into_the_prerendered_one_and_the_page_takes_it()
    {
        var page = await PrerenderedAsync();
        await page.Locator(Field).FillAsync("resnet");
        await page.Locator(Field).PressAsync("ArrowLeft");

        await GoLiveAsync(page);

        Assert.Equal(("resnet", true, 5), await LiveFieldAsync(page));
        Assert.Equal(0, await InputEventsAsync(page));
        Assert.Equal("resnet", await TakeAsync(page));
        Assert.Null(await TakeAsync(page));
    }

    [Fact]
    public async Task Text_typed_into_the_live_field_before_the_page_asks_is_taken_too()
    {
        var page = await PrerenderedAsync();
        await page.Locator(Field).FillAsync("res");
        await GoLiveAsync(page);

        await page.Keyboard.TypeAsync("net");

        Assert.Equal("resnet", await TakeAsync(page));
    }

    [Fact]
    public async Task A_field_that_only_had_the_focus_keeps_it_so_keystrokes_land_in_the_live_field()
    {
        var page = await PrerenderedAsync();
        await page.Locator(Field).FocusAsync();

        await GoLiveAsync(page);
        await page.Keyboard.TypeAsync("yolo");

        Assert.Equal(("yolo", true, 4), await LiveFieldAsync(page));
        Assert.Equal("yolo", await TakeAsync(page));
    }

    [Fact]
    public async Task A_field_the_person_left_does_not_take_the_focus_back()
    {
        var page = await PrerenderedAsync();
        await page.Locator(Field).FillAsync("resnet");
        await page.EvaluateAsync("() => document.activeElement.blur()");

        await GoLiveAsync(page);

        Assert.Equal(("resnet", false, 6), await LiveFieldAsync(page));
        Assert.Equal("resnet", await TakeAsync(page));
    }

    [Fact]
    public async Task Nothing_typed_means_nothing_to_take_and_later_typing_is_the_pages_own()
    {
        var page = await PrerenderedAsync();
        await GoLiveAsync(page);

        Assert.Null(await TakeAsync(page));
        await page.Locator(Field).FillAsync("resnet");
        Assert.Null(await TakeAsync(page));
    }

    [Fact]
    public async Task Text_typed_after_the_page_took_it_but_before_the_field_was_replaced_reaches_the_live_field_as_input()
    {
        var page = await PrerenderedAsync();
        await page.Locator(Field).FillAsync("res");
        Assert.Equal("res", await TakeAsync(page));
        await page.Keyboard.TypeAsync("net");

        await GoLiveAsync(page);

        Assert.Equal(("resnet", true, 6), await LiveFieldAsync(page));
        Assert.Equal(1, await InputEventsAsync(page));
    }

    private async Task<IPage> PrerenderedAsync()
    {
        var page = await fixture.NewPageAsync();
        await page.SetContentAsync($"""
            <html><head><script>{Script}</script></head>
            <body><main><form><input data-early-input="search" value=""></form></main></body></html>
            """);
        return page;
    }

    /// <summary>What Blazor does when the circuit renders: the prerendered markup goes, live markup comes (empty, as rendered).</summary>
    private static Task GoLiveAsync(IPage page) => page.EvaluateAsync("""
        () => new Promise(resolve => {
            const main = document.querySelector('main');
            main.replaceChildren();
            const form = document.createElement('form');
            const live = document.createElement('input');
            live.setAttribute('data-early-input', 'search');
            window.inputEvents = 0;
            live.addEventListener('input', () => window.inputEvents++);
            form.append(live);
            main.append(form);
            setTimeout(resolve);
        })
        """);

    private static async Task<(string Value, bool Focused, int Caret)> LiveFieldAsync(IPage page)
    {
        var field = page.Locator(Field);
        return (await field.InputValueAsync(),
            await field.EvaluateAsync<bool>("f => document.activeElement === f"),
            await field.EvaluateAsync<int>("f => f.selectionStart"));
    }

    private static Task<int> InputEventsAsync(IPage page) => page.EvaluateAsync<int>("() => window.inputEvents");

    private static Task<string?> TakeAsync(IPage page) => page.EvaluateAsync<string?>("() => marketplacePortal.takeEarlyInput('search')");
}
