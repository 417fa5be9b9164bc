using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Marketplace.EndToEnd.Tests;

/// <summary>
/// The journey in a real browser: a partner signs up and completes onboarding, an operator
/// verifies it, the partner lists an integrator offering, the operator approves it, and a buyer
/// finds it in the catalog.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class PartnerListingJourney(BrowserFixture fixture)
{
    private const string Password = "Journey-password-2026";

    [Fact]
    public async Task A_partner_is_verified_lists_an_integrator_offering_and_buyers_find_it()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var organization = $"Journey Integration {suffix}";
        var listingName = $"Journey Line Inspection {suffix}";
        var email = $"owner-{suffix}@journey.example";
        var pdf = Path.Combine(Path.GetTempPath(), $"incorporation-{suffix}.pdf");
        await File.WriteAllBytesAsync(pdf, "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"u8.ToArray());

        var partner = await fixture.NewPageAsync();
        await SignUpAsync(partner, organization, email);
        await CompleteOnboardingAsync(partner, pdf);

        var operatorPage = await fixture.NewPageAsync();
        await Portal.SignInAsync(operatorPage, "operator@marketplace.example", "Demo-password-2026");
        await VerifyAsync(operatorPage, organization);

        await ListIntegratorOfferingAsync(partner, listingName);
        await ApproveAsync(operatorPage, listingName);

        // The buyer types as soon as the catalog shows, before it is live.
        var buyer = await fixture.NewPageAsync();
        await buyer.GotoAsync("/catalog");
        await Portal.SearchCatalogAsync(buyer, listingName);
        // Its name is unique, so the search finds it and nothing else.
        await Assertions.Expect(buyer.GetByTestId("catalog-total")).ToHaveTextAsync("1 listing");
        var result = buyer.GetByTestId("catalog-result").Filter(new() { HasText = listingName });
        await Assertions.Expect(result).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(buyer, "09-catalog-search-finds-the-offering");
        await result.GetByTestId("catalog-result-link").ClickAsync();
        await Assertions.Expect(buyer.GetByTestId("pricing-table")).ToContainTextAsync("50,000.00");
        await BrowserFixture.ScreenshotAsync(buyer, "10-catalog-item");
    }

    private static async Task SignUpAsync(IPage page, string organization, string email)
    {
        await page.GotoAsync("/signup");
        await page.GetByTestId("signup-type-partner").CheckAsync();
        await page.GetByTestId("signup-organization").FillAsync(organization);
        await page.GetByTestId("signup-name").FillAsync("Jo Journey");
        await page.GetByTestId("signup-email").FillAsync(email);
        await page.GetByTestId("signup-password").FillAsync(Password);
        await BrowserFixture.ScreenshotAsync(page, "01-sign-up");
        await page.GetByTestId("signup-submit").ClickAsync();
        await Portal.AtAsync(page, OnboardingUrl());
        await Portal.InteractiveAsync(page);
    }

    private static async Task CompleteOnboardingAsync(IPage page, string pdf)
    {
        await page.GetByTestId("onboarding-legal-name").FillAsync("Journey Integration GmbH");
        await page.GetByTestId("onboarding-country").FillAsync("DE");
        await page.GetByTestId("onboarding-tax-id").FillAsync("DE123456789");
        await page.GetByTestId("onboarding-website").FillAsync("https://journey.example");
        await page.GetByTestId("onboarding-contact-email").FillAsync("partners@journey.example");
        await page.GetByTestId("onboarding-kind-Integrator").Locator("input").CheckAsync();
        await BrowserFixture.ScreenshotAsync(page, "02-onboarding-profile");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "partner onboarding, a draft application's profile");
        await page.GetByTestId("onboarding-save-profile").ClickAsync();

        await page.GetByTestId("onboarding-agreement-checkbox").Locator("input").CheckAsync();
        await page.GetByTestId("onboarding-accept-agreement").ClickAsync();

        await page.GetByTestId("onboarding-document-file").SetInputFilesAsync(pdf);
        await Assertions.Expect(page.GetByTestId("onboarding-document-row")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "03-onboarding-document-uploaded");

        await page.GetByTestId("onboarding-next").ClickAsync();
        await page.GetByTestId("onboarding-next").ClickAsync();
        await page.GetByTestId("onboarding-submit-application").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=partner-status-banner][data-status=Submitted]").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "04-application-submitted");
    }

    private static async Task VerifyAsync(IPage page, string organization)
    {
        await Portal.GoAsync(page, "/admin/reviews");
        await Assertions.Expect(page.GetByTestId("review-partner-row").Filter(new() { HasText = organization })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "review queue with an application waiting");
        await page.GetByTestId("review-partner-row").Filter(new() { HasText = organization }).ClickAsync();
        await Portal.InteractiveAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "05-operator-partner-review");
        await page.GetByTestId("partner-verify").ClickAsync();
        await page.GetByTestId("reason-dialog-confirm").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=partner-status][data-status=Verified]").First).ToBeVisibleAsync();
    }

    private static async Task ListIntegratorOfferingAsync(IPage page, string name)
    {
        await Portal.GoAsync(page, "/partner");
        await page.GetByTestId("new-listing-menu").ClickAsync();
        await page.GetByTestId("new-listing-integrator").ClickAsync();
        await Portal.InteractiveAsync(page);
        await page.GetByTestId("listing-name").FillAsync(name);
        await page.GetByTestId("listing-summary").FillAsync("Visual inspection roll-outs for factory lines");
        await page.GetByTestId("listing-industry-manufacturing").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=listing-industry-manufacturing][data-selected=true]")).ToBeVisibleAsync();
        await page.GetByTestId("listing-regions-input").FillAsync("CN");
        await page.GetByTestId("listing-regions-input").PressAsync("Enter");
        await page.GetByTestId("listing-capabilities-input").FillAsync("computer-vision");
        await page.GetByTestId("listing-capabilities-input").PressAsync("Enter");
        await page.GetByTestId("listing-price-fixedFeeMinor").FillAsync("50,000.00");
        await page.GetByTestId("listing-price-monthlySupportMinor").FillAsync("3,000.00");
        await BrowserFixture.ScreenshotAsync(page, "06-listing-editor");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "listing editor, a new integrator offering filled in");
        await page.GetByTestId("listing-save").ClickAsync();
        await Portal.AtAsync(page, ListingUrl());
        await page.GetByTestId("listing-submit").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=listing-status][data-status=InReview]").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "07-listing-in-review");
    }

    private static async Task ApproveAsync(IPage page, string name)
    {
        await Portal.GoAsync(page, "/admin/reviews?tab=listings");
        await page.GetByTestId("review-listing-row").Filter(new() { HasText = name }).ClickAsync();
        await Portal.InteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=listing-status][data-status=InReview]").First).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "listing review, a listing in review");
        await page.GetByTestId("listing-approve").ClickAsync();
        await page.GetByTestId("reason-dialog-confirm").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=listing-status][data-status=Published]").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "08-listing-approved");
    }

    [GeneratedRegex("/partner/onboarding")]
    private static partial Regex OnboardingUrl();

    [GeneratedRegex("/partner/listings/lst_")]
    private static partial Regex ListingUrl();
}
