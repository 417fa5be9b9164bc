using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Marketplace.EndToEnd.Tests;

/// <summary>
/// The configurator's journey in a real browser: a manufacturing buyer picks its industry and a
/// scenario, sets where it deploys, gets ranked joint solutions with a "why not" panel, moves the
/// demand slider, requests a quote, downloads its PDF, accepts it and finds the order.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ConfiguratorJourney(BrowserFixture fixture)
{
    [Fact]
    public async Task A_buyer_goes_from_its_industry_to_an_accepted_quote_with_its_pdf_and_order()
    {
        var buyer = await fixture.NewPageAsync();
        await Portal.SignInAsync(buyer, "buyer@acme-manufacturing.example", "Demo-password-2026");
        await Portal.GoAsync(buyer, "/solutions");

        await buyer.GetByTestId("industry-manufacturing").ClickAsync();
        await Portal.AtAsync(buyer, IndustryUrl());
        await buyer.GetByTestId("scenario-mfg-visual-inspection").ClickAsync();
        await Assertions.Expect(buyer.GetByTestId("requirements-form")).ToBeVisibleAsync();
        await Assertions.Expect(buyer.Locator("input[data-testid=req-peak]")).Not.ToHaveValueAsync("");

        await buyer.GetByTestId("req-region").ClickAsync();
        await buyer.GetByRole(AriaRole.Option, new() { Name = "Germany (DE)", Exact = true }).ClickAsync();
        await buyer.Locator("input[data-testid=req-term]").FillAsync("24");
        await buyer.GetByTestId("req-submit").ClickAsync();

        var first = buyer.Locator("[data-testid=candidate][data-rank='1']");
        await Assertions.Expect(first).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(buyer.GetByTestId("why-not-item").First).ToBeVisibleAsync();
        await first.GetByTestId("candidate-breakdown").ClickAsync();
        await Assertions.Expect(first.GetByTestId("revenue-split-chart")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(buyer, "30-configurator-ranked-solutions");
        await Accessibility.AssertNoSeriousViolationsAsync(buyer, "configurator with ranked solutions");

        // Four times the demand: the slider searches again and the list says where each solution stood.
        var atPeak = (await buyer.GetByTestId("candidates").GetAttributeAsync("data-demand"))!;
        var slider = buyer.Locator("[data-testid=what-if] input[type=range]");
        await slider.FocusAsync();
        for (var i = 0; i < 12; i++)
        {
            await slider.PressAsync("ArrowRight");
        }
        await Assertions.Expect(buyer.GetByTestId("candidates")).Not.ToHaveAttributeAsync("data-demand", atPeak);
        await Assertions.Expect(buyer.GetByTestId("candidate-movement").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(buyer, "31-configurator-what-if");
        await buyer.GetByTestId("what-if-reset").ClickAsync();
        await Assertions.Expect(buyer.GetByTestId("candidate-movement")).ToHaveCountAsync(0);

        await first.GetByTestId("candidate-quote").ClickAsync();
        await Portal.AtAsync(buyer, QuoteUrl());
        var quoteId = QuoteUrl().Match(buyer.Url).Groups[1].Value;
        await Portal.InteractiveAsync(buyer);
        await Assertions.Expect(buyer.Locator("[data-testid=quote-status][data-status=Open]")).ToBeVisibleAsync();
        Assert.True(await buyer.GetByTestId("quote-lines-row").CountAsync() >= 3);
        var quoteTotal = await buyer.GetByTestId("quote-total").InnerTextAsync();
        await BrowserFixture.ScreenshotAsync(buyer, "32-quote");

        var download = await buyer.RunAndWaitForDownloadAsync(() => buyer.GetByTestId("quote-pdf").ClickAsync());
        var pdf = Path.Combine(Path.GetTempPath(), download.SuggestedFilename);
        await download.SaveAsAsync(pdf);
        Assert.StartsWith("qte_", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString((await File.ReadAllBytesAsync(pdf))[..4]));

        await buyer.GetByTestId("quote-accept").ClickAsync();
        await buyer.GetByTestId("confirm-dialog-confirm").ClickAsync();
        await Portal.LedToAsync(buyer, OrderUrl());
        await Portal.InteractiveAsync(buyer);
        await Assertions.Expect(buyer.GetByTestId("order-status")).ToBeVisibleAsync();
        // One line per partner: the order's total is the quote's.
        Assert.True(await buyer.GetByTestId("order-lines-row").CountAsync() >= 2);
        await Assertions.Expect(buyer.GetByTestId("order-total")).ToHaveTextAsync(quoteTotal);
        await BrowserFixture.ScreenshotAsync(buyer, "33-order");

        var orderId = OrderUrl().Match(buyer.Url).Groups[1].Value;
        await Portal.GoAsync(buyer, "/orders");
        await Assertions.Expect(buyer.Locator($"[data-testid=order-link]:text-is('{orderId}')")).ToBeVisibleAsync();
        await Portal.GoAsync(buyer, "/quotes?status=Accepted");
        await Assertions.Expect(buyer.Locator($"[data-testid=quote-link]:text-is('{quoteId}')")).ToBeVisibleAsync();
    }

    [GeneratedRegex(@"[?&]industry=manufacturing(&|$)")]
    private static partial Regex IndustryUrl();

    [GeneratedRegex(@"/quotes/(qte_\w+)$")]
    private static partial Regex QuoteUrl();

    [GeneratedRegex(@"/orders/(ord_\w+)$")]
    private static partial Regex OrderUrl();
}
