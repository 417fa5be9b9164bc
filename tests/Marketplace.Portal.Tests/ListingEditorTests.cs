using Bunit;
using Marketplace.Abstractions.Errors;
using Marketplace.Application.Catalog.Industries;
using Marketplace.Application.Listings.CreateListing;
using Marketplace.Application.Listings.GetListing;
using Marketplace.Application.Listings.Transitions;
using Marketplace.Domain.Listings;
using Marketplace.Portal.Pages.Partner;
using Marketplace.Portal.Services;

namespace Marketplace.Portal.Tests;

public sealed class ListingEditorTests : PortalTest
{
    public ListingEditorTests() => Mediator.Returns<ListIndustries>(TestData.Industries);

    [Theory]
    [InlineData("50,000.00", "USD", 5_000_000L)]
    [InlineData("50000", "USD", 5_000_000L)]
    [InlineData("0.02", "USD", 2L)]
    [InlineData("3,000.5", "EUR", 300_050L)]
    [InlineData("1,200", "JPY", 1_200L)]
    [InlineData("0.1", "USD", 10L)]
    public void Major_units_convert_to_minor_units_exactly(string typed, string currency, long minor) =>
        Assert.Equal(new MajorParse(minor, null), MajorUnits.Parse(typed, currency));

    [Theory]
    [InlineData("12.345", "USD")]
    [InlineData("100.5", "JPY")]
    [InlineData("1,5", "USD")]
    [InlineData("50.000,00", "EUR")]
    [InlineData("-5", "USD")]
    [InlineData("1e3", "USD")]
    public void Amounts_that_would_need_rounding_or_guessing_are_refused(string typed, string currency) =>
        Assert.NotNull(MajorUnits.Parse(typed, currency).Error);

    [Fact]
    public void New_integrator_listing_sends_prices_in_minor_units_and_only_its_kind_fields()
    {
        Mediator.On<CreateListing>(c => TestData.Listing(ListingStatus.Draft, TestData.Integrator(c.Name!)));
        Navigation.NavigateTo("/partner/listings/new?kind=Integrator");
        var page = Render<ListingEditorPage>();
        page.WaitForElement("input[data-testid='listing-name']");

        page.Find("input[data-testid='listing-name']").Change("Factory vision rollout");
        page.Find("input[data-testid='listing-price-fixedFeeMinor']").Input("50,000.00");
        page.Find("input[data-testid='listing-price-monthlySupportMinor']").Input("3,000.00");
        // The helper text follows the input on a later render; under a loaded test run it can lag the Input call.
        page.WaitForAssertion(() => Assert.Contains("USD 50,000.00 (5,000,000 minor units)", page.Markup));
        page.Find("button[data-testid='listing-save']").Click();

        page.WaitForAssertion(() => Assert.Single(Mediator.SentOf<CreateListing>()));
        var sent = Mediator.SentOf<CreateListing>().Single();
        Assert.Equal((ListingKind.Integrator, TestCallers.PartnerId, "USD"), (sent.Kind!.Value, sent.PartnerId!, sent.Pricing!.Currency!));
        Assert.Equal((5_000_000L, 300_000L), (sent.Pricing.FixedFeeMinor!.Value, sent.Pricing.MonthlySupportMinor!.Value));
        Assert.Null(sent.Pricing.DayRateMinor);
        Assert.Null(sent.Task);
        Assert.Null(sent.AcceleratorType);
        Assert.Equal("http://localhost/partner/listings/lst_test1", Navigation.Uri);
    }

    [Fact]
    public void Failed_checks_from_a_refused_submission_are_listed()
    {
        Mediator.Returns<GetListing>(TestData.Listing(ListingStatus.Draft, TestData.Integrator()))
            .Throws<SubmitListing>(new ConflictException("listing.checks_failed", "The listing is not ready for review.",
                ["summary: The summary says what it is in at least 20 characters.", "regions: At least one region is named."]));
        var page = Render<ListingEditorPage>(p => p.Add(e => e.Id, "lst_test1"));
        page.WaitForElement("button[data-testid='listing-submit']");

        page.Find("button[data-testid='listing-submit']").Click();

        page.WaitForAssertion(() => Assert.Equal(
            ["summary: The summary says what it is in at least 20 characters.", "regions: At least one region is named."],
            page.FindAll("[data-testid='failed-check']").Select(e => e.TextContent.Trim())));
    }
}
