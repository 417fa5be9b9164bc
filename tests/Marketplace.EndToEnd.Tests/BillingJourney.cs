using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Marketplace.EndToEnd.Tests;

/// <summary>
/// Billing in a real browser: a bank's buyer accepts a quote for a retrieval assistant (Meridian
/// integrates it), receives the upfront invoice with bank-transfer instructions, the operator
/// credits part of it and records the transfer of the rest, Meridian sees its earnings, and
/// finance sees a balanced ledger.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class BillingJourney(BrowserFixture fixture)
{
    private const string Password = "Demo-password-2026";

    [Fact]
    public async Task A_customer_is_invoiced_the_operator_credits_part_and_records_the_transfer_the_partner_earns_and_the_ledger_balances()
    {
        var buyer = await fixture.NewPageAsync();
        await Portal.SignInAsync(buyer, "buyer@acme-manufacturing.example", Password);
        var quoteId = await QuoteMeridianSolutionAsync(buyer);

        await Portal.GoAsync(buyer, $"/quotes/{quoteId}");
        await buyer.GetByTestId("quote-accept").ClickAsync();
        await buyer.GetByTestId("confirm-dialog-confirm").ClickAsync();
        await Portal.LedToAsync(buyer, OrderUrl());
        await Portal.InteractiveAsync(buyer);
        await buyer.GetByTestId("order-invoice").First.ClickAsync();
        await Portal.AtAsync(buyer, InvoiceUrl());
        var invoiceId = InvoiceUrl().Match(buyer.Url).Groups[1].Value;
        await Portal.InteractiveAsync(buyer);
        await Assertions.Expect(buyer.Locator("[data-testid=invoice-status][data-status=Open]").First).ToBeVisibleAsync();
        await Assertions.Expect(buyer.GetByTestId("invoice-bank-instructions")).ToContainTextAsync(invoiceId);
        await Assertions.Expect(buyer.GetByTestId("invoice-pay-form")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(buyer, "40-customer-invoice");
        await Accessibility.AssertNoSeriousViolationsAsync(buyer, "a customer's open invoice");

        var operatorPage = await fixture.NewPageAsync();
        await Portal.SignInAsync(operatorPage, "operator@marketplace.example", Password);
        await Portal.GoAsync(operatorPage, $"/invoices/{invoiceId}");
        await operatorPage.GetByTestId("invoice-credit").ClickAsync();
        await operatorPage.Locator("input[data-testid=credit-note-amount]").FillAsync("100");
        await operatorPage.Locator("textarea[data-testid=credit-note-reason]").FillAsync("Goodwill: delivery a week late");
        await operatorPage.GetByTestId("credit-note-confirm").ClickAsync();
        await Assertions.Expect(operatorPage.GetByTestId("invoice-credit-result")).ToContainTextAsync("USD 100.00");
        await Assertions.Expect(operatorPage.GetByTestId("invoice-credited")).ToHaveTextAsync("USD 100.00");
        await Assertions.Expect(operatorPage.GetByTestId("invoice-credit-note-reason")).ToContainTextAsync("Goodwill: delivery a week late");
        await operatorPage.Locator("[data-testid=invoice-pay-reference] input, input[data-testid=invoice-pay-reference]").First.FillAsync($"SEPA-{invoiceId}");
        await operatorPage.GetByTestId("invoice-pay-submit").ClickAsync();
        await Assertions.Expect(operatorPage.Locator("[data-testid=invoice-status][data-status=Paid]").First).ToBeVisibleAsync();
        await Assertions.Expect(operatorPage.GetByTestId("invoice-payment")).ToContainTextAsync($"SEPA-{invoiceId}");
        await BrowserFixture.ScreenshotAsync(operatorPage, "41-operator-records-transfer");

        var partner = await fixture.NewPageAsync();
        await Portal.SignInAsync(partner, "delivery@meridian-integration.example", Password);
        await Portal.GoAsync(partner, "/partner/earnings");
        await Assertions.Expect(partner.GetByTestId("earnings-line").First).ToBeVisibleAsync();
        await Assertions.Expect(partner.GetByTestId("earnings-payable").GetByTestId("stat-value")).Not.ToHaveTextAsync("USD 0.00");
        await Assertions.Expect(partner.Locator("[data-testid=earnings-chart] svg").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(partner, "42-partner-earnings");
        await Accessibility.AssertNoSeriousViolationsAsync(partner, "a partner's earnings");

        await Portal.GoAsync(operatorPage, "/admin/finance");
        await Assertions.Expect(operatorPage.GetByTestId("trial-balance-status")).ToHaveAttributeAsync("data-balanced", "true");
        await BrowserFixture.ScreenshotAsync(operatorPage, "43-finance-trial-balance");
    }

    /// <summary>The cheapest retrieval assistant for a bank in Germany, quoted through the API with the buyer's session.</summary>
    private static async Task<string> QuoteMeridianSolutionAsync(IPage buyer)
    {
        var requirements = new { industry = "finance", scenarioId = "fin-customer-service-assistant", region = "DE", termMonths = 36, currency = "USD" };
        var candidates = await PostAsync(buyer, "/api/v1/solutions/candidates", new { requirements.industry, requirements.scenarioId, requirements.region, requirements.termMonths, requirements.currency, top = 5 });
        var best = candidates["candidates"]!.AsArray().First(c => c!["integrator"]!["id"]!.GetValue<string>().Contains("meridian", StringComparison.Ordinal))!;
        var quote = await PostAsync(buyer, "/api/v1/quotes", new
        {
            models = best["models"]!.AsArray().Select(m => new { role = m!["role"]!.GetValue<string>(), id = m["id"]!.GetValue<string>() }),
            integratorId = best["integrator"]!["id"]!.GetValue<string>(),
            hardwareId = best["hardware"]!["id"]!.GetValue<string>(),
            hardwareUnits = best["hardware"]!["units"]!.GetValue<int>(),
            requirements,
        });
        return quote["id"]!.GetValue<string>();
    }

    private static async Task<JsonObject> PostAsync(IPage page, string path, object body)
    {
        var response = await page.APIRequest.PostAsync(path, new() { DataString = JsonSerializer.Serialize(body), Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" } });
        Assert.True(response.Ok, $"{path}: {response.Status} {await response.TextAsync()}");
        return JsonNode.Parse(await response.TextAsync())!.AsObject();
    }

    [GeneratedRegex(@"/orders/(ord_[\w-]+)$")]
    private static partial Regex OrderUrl();

    [GeneratedRegex(@"/invoices/(inv_[\w-]+)$")]
    private static partial Regex InvoiceUrl();
}
