using Bunit;
using Marketplace.Abstractions.Errors;
using Marketplace.Application.Partners.GetAgreement;
using Marketplace.Application.Partners.GetPartner;
using Marketplace.Application.Partners.UpdateProfile;
using Marketplace.Domain.Partners;
using Marketplace.Portal.Components.Partners;
using Marketplace.Portal.Pages.Partner;

namespace Marketplace.Portal.Tests;

public sealed class OnboardingTests : PortalTest
{
    [Fact]
    public void Review_step_lists_what_is_missing_and_keeps_submit_off()
    {
        var partner = TestData.Partner(PartnerStatus.Draft,
            "profile.kinds: choose at least one partner kind",
            "documents: upload at least one compliance document");

        var page = Render<ReviewStep>(p => p.Add(s => s.Partner, partner).Add(s => s.Editable, true));

        var missing = page.FindAll("[data-testid='missing-item']").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal(["choose at least one partner kind", "upload at least one compliance document"], missing);
        Assert.Equal(["false", "true", "false"], page.FindAll("[data-testid='checklist-item']").Select(e => e.GetAttribute("data-done")));
        Assert.True(page.Find("button[data-testid='onboarding-submit-application']").HasAttribute("disabled"));
    }

    [Fact]
    public void Profile_shows_field_errors_from_validation_next_to_each_field()
    {
        Mediator.Returns<GetAgreement>(TestData.Agreement)
            .Returns<GetPartner>(TestData.Partner(PartnerStatus.Draft, "profile: complete the company profile"))
            .Throws<UpdatePartnerProfile>(new RequestValidationException(new Dictionary<string, string[]>
            {
                ["country"] = ["'country' must be an ISO 3166-1 alpha-2 code such as DE or CN."],
                ["kinds"] = ["'kinds' must not be empty."],
            }));
        var page = Render<OnboardingPage>();
        page.WaitForElement("[data-testid='onboarding-legal-name']");

        page.Find("input[data-testid='onboarding-country']").Change("Germany");
        page.Find("button[data-testid='onboarding-save-profile']").Click();

        page.WaitForAssertion(() => Assert.Equal("'kinds' must not be empty.", page.Find("[data-testid='error-kinds']").TextContent.Trim()));
        var country = page.Find("input[data-testid='onboarding-country']").Closest(".mud-input-control")!;
        Assert.Contains("must be an ISO 3166-1 alpha-2 code", country.TextContent);
        Assert.Equal("Germany", Mediator.SentOf<UpdatePartnerProfile>().Single().Country);
    }

    [Fact]
    public void Submitted_application_is_locked_with_an_explanation()
    {
        Mediator.Returns<GetAgreement>(TestData.Agreement).Returns<GetPartner>(TestData.Partner(PartnerStatus.Submitted));

        var page = Render<OnboardingPage>();

        page.WaitForAssertion(() => Assert.Contains("under review", page.Find("[data-testid='onboarding-locked']").TextContent));
        Assert.Equal("Submitted", page.Find("[data-testid='partner-status-banner']").GetAttribute("data-status"));
    }

    [Fact]
    public void Customers_are_told_partner_pages_are_for_partners()
    {
        Caller = TestCallers.Customer;

        var page = Render<OnboardingPage>();

        Assert.Contains("Partner pages are for partner organisations", page.Find("[data-testid='empty-state']").TextContent);
        Assert.Empty(Mediator.Sent);
    }
}
