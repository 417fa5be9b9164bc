using Bunit;
using Marketplace.Abstractions.Errors;
using Marketplace.Abstractions.Partners;
using Marketplace.Application.Partners.GetAgreement;
using Marketplace.Application.Partners.GetPartner;
using Marketplace.Application.Partners.LinkPayoutAccount;
using Marketplace.Domain.Partners;
using Marketplace.Portal.Components.Partners;
using Marketplace.Portal.Pages.Partner;
using MudBlazor;

namespace Marketplace.Portal.Tests;

public sealed class PayoutStepTests : PortalTest
{
    private const string OnboardingUrl = "https://connect.stripe.com/setup/e/acct_1QxYz/abc123";

    private static readonly PayoutAccount StripeAccount =
        new(StripeConnectPayoutLinker.ProviderName, "Sino Vision Integrators Ltd", "acct_1QxYz", "EUR", "Onboarding", TestData.At, OnboardingUrl);

    private static PartnerSnapshot Draft(PayoutAccount? account = null) => TestData.Partner(PartnerStatus.Draft) with { PayoutAccount = account };

    private IRenderedComponent<TestHost> RenderStep(PartnerSnapshot partner, List<PartnerSnapshot>? saved = null) =>
        Render<PayoutStep>(p => p.Add(s => s.Partner, partner).Add(s => s.Editable, true)
            .Add(s => s.OnSaved, (PartnerSnapshot s) => saved?.Add(s)));

    private static Task ChooseAsync(IRenderedComponent<TestHost> page, string label, string value) =>
        page.InvokeAsync(() => page.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == label).Instance.SelectOption(value));

    [Fact]
    public async Task Stripe_connect_sends_only_the_holder_and_currency_and_then_offers_to_finish_on_stripe()
    {
        var saved = new List<PartnerSnapshot>();
        Mediator.On<LinkPayoutAccount>(c => Draft(StripeAccount with { AccountHolder = c.AccountHolder!, Currency = c.Currency! }));
        var page = RenderStep(Draft(), saved);

        Assert.Single(page.FindAll("input[data-testid='onboarding-payout-iban']"));
        await ChooseAsync(page, "Provider", StripeConnectPayoutLinker.ProviderName);
        await ChooseAsync(page, "Payout currency", "EUR");
        page.WaitForElement("[data-testid='payout-stripe-explainer']");
        Assert.Empty(page.FindAll("input[data-testid='onboarding-payout-iban']"));
        page.Find("input[data-testid='onboarding-payout-holder']").Change("Sino Vision Integrators Ltd");
        page.Find("button[data-testid='onboarding-link-payout']").Click();

        page.WaitForAssertion(() => Assert.Single(saved));
        Assert.Equal(
            new LinkPayoutAccount(TestCallers.PartnerId, StripeConnectPayoutLinker.ProviderName, "Sino Vision Integrators Ltd", null, null, null, "EUR", "http://localhost/"),
            Mediator.SentOf<LinkPayoutAccount>().Single());
        Assert.Equal(OnboardingUrl, saved[0].PayoutAccount!.OnboardingUrl);
    }

    [Fact]
    public void A_stripe_account_waiting_for_onboarding_shows_its_id_and_a_link_to_finish_on_stripe()
    {
        var page = RenderStep(Draft(StripeAccount));

        Assert.Equal("acct_1QxYz", page.Find("[data-testid='payout-stripe-account']").TextContent.Trim());
        Assert.Equal(OnboardingUrl, page.Find("a[data-testid='payout-stripe-finish']").GetAttribute("href"));
        Assert.Contains("Finish on Stripe", page.Find("a[data-testid='payout-stripe-finish']").TextContent);
        Assert.Empty(page.FindAll("[data-testid='payout-linked']"));
        // Linking again picks Stripe again.
        Assert.Single(page.FindAll("[data-testid='payout-stripe-explainer']"));
    }

    [Fact]
    public async Task Without_stripe_configured_the_step_says_so_and_bank_transfer_still_links()
    {
        Mediator.On<LinkPayoutAccount>(c => c.Provider == StripeConnectPayoutLinker.ProviderName
            ? throw new ConflictException("payout.gateway_unavailable", "Stripe Connect is not configured on this marketplace; link a bank account instead.")
            : Draft(new PayoutAccount(c.Provider!, c.AccountHolder!, "••••3000", c.Currency!, "Linked", TestData.At)));
        var page = RenderStep(Draft());

        await ChooseAsync(page, "Provider", StripeConnectPayoutLinker.ProviderName);
        page.WaitForElement("input[data-testid='onboarding-payout-holder']").Change("Sino Vision Integrators Ltd");
        page.Find("button[data-testid='onboarding-link-payout']").Click();

        page.WaitForAssertion(() => Assert.Contains("Stripe Connect is not configured", page.Find("[data-testid='payout-stripe-unavailable']").TextContent));
        Assert.Contains("Bank transfer still works", page.Find("[data-testid='payout-stripe-unavailable']").TextContent);
        Assert.Empty(page.FindAll("[data-testid='error-alert']"));

        page.Find("button[data-testid='payout-use-bank-transfer']").Click();
        page.WaitForElement("input[data-testid='onboarding-payout-iban']").Change("DE89 3704 0044 0532 0130 00");
        page.Find("button[data-testid='onboarding-link-payout']").Click();

        page.WaitForAssertion(() => Assert.Equal(2, Mediator.SentOf<LinkPayoutAccount>().Count));
        var bank = Mediator.SentOf<LinkPayoutAccount>()[1];
        Assert.Equal(("bank-transfer", "DE89 3704 0044 0532 0130 00", (string?)null), (bank.Provider, bank.Iban, bank.PortalBaseUrl));
        Assert.Empty(page.FindAll("[data-testid='payout-stripe-unavailable']"));
    }

    [Fact]
    public void Coming_back_from_stripe_opens_the_payout_step()
    {
        Navigation.NavigateTo("/partner/onboarding?payout=done");
        Mediator.Returns<GetAgreement>(TestData.Agreement).Returns<GetPartner>(Draft(StripeAccount));
        var page = Render<OnboardingPage>();

        page.WaitForAssertion(() => Assert.Contains("Back from Stripe", page.Find("[data-testid='payout-stripe-returned']").TextContent));
        Assert.Equal(OnboardingUrl, page.Find("a[data-testid='payout-stripe-finish']").GetAttribute("href"));
    }
}
