using Bunit;
using Marketplace.Abstractions.Billing;
using Marketplace.Application.Billing;
using Marketplace.Application.Sandbox.Usage;
using Marketplace.Domain.Billing;
using Marketplace.Domain.Organizations;
using Marketplace.Portal.Components.Billing;
using Marketplace.Portal.Pages.Account;
using MudBlazor;

namespace Marketplace.Portal.Tests;

public sealed class SpendCapTests : PortalTest
{
    private const string OrganizationId = "org_customer";

    public SpendCapTests() => Caller = TestCallers.Customer;

    private static TrialSpendView Spend(long? capMinor, long spentMinor = 0, string currency = "USD") => new(
        capMinor is { } cap ? new SpendCap(cap, currency) : null, "2026-11", spentMinor, spentMinor == 0 ? 0 : 42,
        spentMinor == 0 ? [] :
        [
            new TrialSpendLine("lst_embedder", "Sentence embedder", 25_000, 80, 2_000, currency),
            new TrialSpendLine("lst_resnet", "ResNet-50", 1_500, 120, 180, currency),
        ],
        spentMinor == 0 ? [] : ["inv_trials-customer-202609-usd", "inv_trials-customer-202610-usd"]);

    private IRenderedComponent<TestHost> RenderCard(bool canEdit = true) =>
        Render<SpendCapCard>(p => p.Add(c => c.OrganizationId, OrganizationId).Add(c => c.CanEdit, canEdit));

    [Fact]
    public void Shows_the_cap_what_was_spent_this_month_model_by_model_and_the_trial_invoices()
    {
        Mediator.Returns<GetTrialSpend>(Spend(capMinor: 5_000, spentMinor: 2_180));
        var page = RenderCard();

        page.WaitForAssertion(() => Assert.Equal("on", page.Find("[data-testid='spend-cap-current']").GetAttribute("data-cap")));
        Assert.Equal(new GetTrialSpend(OrganizationId), Mediator.SentOf<GetTrialSpend>().Single());
        Assert.Equal("Cap USD 50.00 a month", page.Find("[data-testid='spend-cap-current']").TextContent.Trim());
        Assert.Equal("USD 21.80 of USD 50.00 spent in 2026-11", page.Find("[data-testid='spend-progress-text']").TextContent.Trim());
        Assert.Equal(("43", "ok"), (page.Find("[data-testid='spend-progress']").GetAttribute("data-percent"), page.Find("[data-testid='spend-progress']").GetAttribute("data-level")));
        Assert.Empty(page.FindAll("[data-testid='spend-progress-warning']"));
        Assert.Equal("(42)", page.Find("[data-testid='spend-paid-trials']").TextContent.Trim());
        Assert.Equal(["Sentence embedder", "ResNet-50"], page.FindAll("[data-testid='spend-model']").Select(m => m.TextContent.Trim()));
        Assert.Equal("/catalog/lst_embedder", page.Find("a[data-testid='spend-model']").GetAttribute("href"));
        Assert.Equal(["25,000", "1,500"], page.FindAll("[data-testid='spend-model-inferences']").Select(m => m.TextContent.Trim()));
        Assert.Equal(["USD 0.80", "USD 1.20"], page.FindAll("[data-testid='spend-model-price']").Select(m => m.TextContent.Trim()));
        Assert.Equal(["USD 20.00", "USD 1.80"], page.FindAll("[data-testid='spend-model-amount']").Select(m => m.TextContent.Trim()));
        Assert.Equal(["/invoices/inv_trials-customer-202610-usd", "/invoices/inv_trials-customer-202609-usd"],
            page.FindAll("[data-testid='spend-invoice']").Select(i => i.GetAttribute("href")!));
        Assert.Equal("50.00", page.Find("input[data-testid='spend-cap-amount']").GetAttribute("value"));
    }

    [Theory]
    [InlineData(3_999, "79", "ok", "success")]
    [InlineData(4_000, "80", "warning", "warning")]
    [InlineData(4_999, "99", "warning", "warning")]
    [InlineData(5_000, "100", "reached", "error")]
    public void The_progress_bar_turns_to_the_warning_colour_from_80_percent_of_the_cap(long spentMinor, string percent, string level, string colour)
    {
        Mediator.Returns<GetTrialSpend>(Spend(capMinor: 5_000, spentMinor));
        var page = RenderCard();

        var progress = page.WaitForElement("[data-testid='spend-progress']");
        Assert.Equal((percent, level), (progress.GetAttribute("data-percent"), progress.GetAttribute("data-level")));
        Assert.Contains($"mud-progress-linear-color-{colour}", progress.QuerySelector(".mud-progress-linear")!.ClassName);
        Assert.Equal(level != "ok", page.FindAll("[data-testid='spend-progress-warning']").Count == 1);
    }

    [Fact]
    public async Task Without_a_cap_paid_trials_read_as_off_and_an_owner_turns_them_on_in_a_chosen_currency()
    {
        Mediator.Returns<GetTrialSpend>(Spend(capMinor: null))
            .On<SetSpendCap>(c => Spend(c.MonthlyCapMinor, currency: c.Currency!));
        var page = RenderCard();

        page.WaitForAssertion(() => Assert.Equal("Paid trials off", page.Find("[data-testid='spend-cap-current']").TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid='spend-progress']"));
        Assert.Single(page.FindAll("[data-testid='spend-no-models']"));
        Assert.Empty(page.FindAll("[data-testid='spend-cap-off']"));
        Assert.True(page.Find("button[data-testid='spend-cap-save']").HasAttribute("disabled"));
        await page.InvokeAsync(() => page.FindComponent<MudSelect<string>>().Instance.SelectOption("EUR"));
        page.Find("input[data-testid='spend-cap-amount']").Input("250.5");
        page.Find("button[data-testid='spend-cap-save']").Click();

        page.WaitForAssertion(() => Assert.Equal("Cap EUR 250.50 a month", page.Find("[data-testid='spend-cap-current']").TextContent.Trim()));
        Assert.Equal(new SetSpendCap(OrganizationId, 25_050, "EUR"), Mediator.SentOf<SetSpendCap>().Single());
        Assert.Equal("0", page.Find("[data-testid='spend-progress']").GetAttribute("data-percent"));
    }

    [Fact]
    public void A_cap_that_is_not_an_amount_cannot_be_saved()
    {
        Mediator.Returns<GetTrialSpend>(Spend(capMinor: null));
        var page = RenderCard();

        page.WaitForElement("input[data-testid='spend-cap-amount']").Input("12.345");

        page.WaitForAssertion(() => Assert.Contains("at most 2", page.Find("[data-testid='spend-cap-form']").TextContent));
        Assert.True(page.Find("button[data-testid='spend-cap-save']").HasAttribute("disabled"));
        page.Find("input[data-testid='spend-cap-amount']").Input("0");
        page.WaitForAssertion(() => Assert.Contains("Enter a cap above zero", page.Find("[data-testid='spend-cap-form']").TextContent));
        Assert.Empty(Mediator.SentOf<SetSpendCap>());
    }

    [Fact]
    public void An_owner_turns_paid_trials_off_after_confirming()
    {
        Mediator.Returns<GetTrialSpend>(Spend(capMinor: 5_000, spentMinor: 2_180))
            .On<SetSpendCap>(_ => Spend(capMinor: null));
        var page = RenderCard();

        page.WaitForElement("button[data-testid='spend-cap-off']").Click();
        page.WaitForElement("button[data-testid='confirm-dialog-confirm']").Click();

        page.WaitForAssertion(() => Assert.Equal("off", page.Find("[data-testid='spend-cap-current']").GetAttribute("data-cap")));
        Assert.Equal(new SetSpendCap(OrganizationId, 0, "USD"), Mediator.SentOf<SetSpendCap>().Single());
    }

    [Fact]
    public void Members_see_the_cap_and_spend_without_the_form()
    {
        Caller = TestCallers.Customer with { Role = MemberRole.Member };
        Mediator.Returns<GetTrialSpend>(Spend(capMinor: 5_000, spentMinor: 4_500))
            .Returns<GetSandboxUsage>(new SandboxUsage(SandboxTestData.Quota(trials: 500, computeSeconds: 10), []));
        var page = Render<SandboxUsagePage>();

        page.WaitForAssertion(() => Assert.Equal("warning", page.Find("[data-testid='spend-progress']").GetAttribute("data-level")));
        Assert.Single(page.FindAll("[data-testid='spend-cap-owner-only']"));
        Assert.Empty(page.FindAll("[data-testid='spend-cap-form']"));
        Assert.Equal(OrganizationId, Mediator.SentOf<GetTrialSpend>().Single().OrganizationId);
    }

    [Fact]
    public void Owners_get_the_form_on_the_usage_page()
    {
        Mediator.Returns<GetTrialSpend>(Spend(capMinor: null))
            .Returns<GetSandboxUsage>(new SandboxUsage(SandboxTestData.Quota(trials: 0, computeSeconds: 0), []));
        var page = Render<SandboxUsagePage>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid='spend-cap-form']")));
    }

    [Fact]
    public void Operators_see_no_paid_trials_card_on_their_own_usage_page()
    {
        Caller = TestCallers.OperatorOwner;
        Mediator.Returns<GetSandboxUsage>(new SandboxUsage(SandboxTestData.Quota(trials: 0, computeSeconds: 0), []));
        var page = Render<SandboxUsagePage>();

        page.WaitForElement("[data-testid='usage-events']");
        Assert.Empty(page.FindAll("[data-testid='spend-cap']"));
        Assert.Empty(Mediator.SentOf<GetTrialSpend>());
    }
}
