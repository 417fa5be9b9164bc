using Bunit;
using Marketplace.Abstractions.Errors;
using Marketplace.Abstractions.Solutions;
using Marketplace.Application.Catalog.Industries;
using Marketplace.Application.Solutions.Candidates;
using Marketplace.Application.Solutions.Orders;
using Marketplace.Application.Solutions.Quotes;
using Marketplace.Application.Solutions.Terms;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Solutions;
using Marketplace.Portal.Pages.Admin;
using Marketplace.Portal.Pages.Solutions;

namespace Marketplace.Portal.Tests;

public sealed class SolutionPagesTests : PortalTest
{
    public SolutionPagesTests() => Caller = TestCallers.Customer;

    [Fact]
    public void Choosing_an_industry_then_a_scenario_moves_the_wizard_on_in_the_address()
    {
        Navigation.NavigateTo("/solutions");
        Mediator.Returns<ListIndustries>(SolutionTestData.Industries);
        var page = Render<ConfiguratorPage>();

        page.WaitForElement("[data-testid='industry-manufacturing']").Click();

        Assert.EndsWith("/solutions?industry=manufacturing", Navigation.Uri, StringComparison.Ordinal);
        page.WaitForElement("[data-testid='scenario-mfg-visual-inspection']").Click();

        Assert.EndsWith("/solutions?industry=manufacturing&scenario=mfg-visual-inspection", Navigation.Uri, StringComparison.Ordinal);
        page.WaitForAssertion(() => Assert.Equal("2", page.Find("[data-testid='wizard-steps']").GetAttribute("data-step")));
        Assert.NotEmpty(page.FindAll("[data-testid='requirements-form']"));
    }

    [Fact]
    public void The_scenario_prefills_the_form_and_the_search_sends_it_with_the_customers_constraints()
    {
        Navigation.NavigateTo("/solutions?industry=manufacturing&scenario=mfg-visual-inspection");
        Mediator.Returns<ListIndustries>(SolutionTestData.Industries)
            .On<FindCandidates>(q => SolutionTestData.Answer(q.PeakRequestsPerSecond!.Value,
                SolutionTestData.Candidate("lst_l4", 1, 2_000_000),
                SolutionTestData.Candidate("lst_a10", 1, 6_000_000)));
        var page = Render<ConfiguratorPage>();

        Assert.Equal("30", page.WaitForElement("input[data-testid='req-peak']").GetAttribute("value"));
        Assert.Equal("80", page.Find("input[data-testid='req-latency']").GetAttribute("value"));
        Assert.Empty(page.FindAll("input[data-testid='req-output-tokens']"));
        page.Find("input[data-testid='req-term']").Change("24");
        page.Find("input[data-testid='req-budget']").Input("250,000");
        page.Find("button[data-testid='req-submit']").Click();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid='candidate']").Count));
        var sent = Mediator.SentOf<FindCandidates>().Single();
        Assert.Equal(("manufacturing", "mfg-visual-inspection", 30.0, 24, 25_000_000L), (sent.Industry, sent.ScenarioId, sent.PeakRequestsPerSecond!.Value, sent.TermMonths!.Value, sent.BudgetMinor!.Value));
        Assert.Equal(DeploymentOption.Private, sent.Deployment);
        Assert.Equal("3", page.Find("[data-testid='wizard-steps']").GetAttribute("data-step"));
        Assert.Equal(["1", "2"], page.FindAll("[data-testid='candidate']").Select(c => c.GetAttribute("data-rank")!));
        Assert.Contains("USD 115,000.00", page.FindAll("[data-testid='candidate-total']")[0].TextContent);
        Assert.Contains("does text-generation", page.Find("[data-testid='why-not-item']").TextContent);
        Assert.Contains(page.FindAll("[data-testid='candidate']")[0].QuerySelectorAll("[data-testid='revenue-split-part']"), p => p.TextContent.Contains("Fjordline", StringComparison.Ordinal));
    }

    [Fact]
    public void A_typed_budget_that_is_not_an_amount_is_named_and_blocks_the_search()
    {
        Navigation.NavigateTo("/solutions?industry=manufacturing&scenario=mfg-visual-inspection");
        Mediator.Returns<ListIndustries>(SolutionTestData.Industries);
        var page = Render<ConfiguratorPage>();

        page.WaitForElement("input[data-testid='req-budget']").Input("a lot");

        page.WaitForAssertion(() => Assert.Contains("Enter an amount", page.Find("[data-testid='requirements-form']").TextContent));
        Assert.True(page.Find("button[data-testid='req-submit']").HasAttribute("disabled"));
    }

    [Fact]
    public void A_validation_problem_from_the_search_shows_on_its_field()
    {
        Navigation.NavigateTo("/solutions?industry=manufacturing&scenario=mfg-visual-inspection");
        Mediator.Returns<ListIndustries>(SolutionTestData.Industries)
            .Throws<FindCandidates>(new RequestValidationException("region", "'region' must be GLOBAL or an ISO 3166-1 alpha-2 country code."));
        var page = Render<ConfiguratorPage>();

        page.WaitForElement("button[data-testid='req-submit']").Click();

        page.WaitForAssertion(() => Assert.Contains("ISO 3166-1", page.Find("[data-testid='requirements-form']").TextContent));
        Assert.Empty(page.FindAll("[data-testid='candidate']"));
    }

    [Fact]
    public void The_what_if_slider_searches_again_at_the_new_demand_and_says_where_each_solution_stood()
    {
        Navigation.NavigateTo("/solutions?industry=manufacturing&scenario=mfg-visual-inspection");
        Mediator.Returns<ListIndustries>(SolutionTestData.Industries)
            .On<FindCandidates>(q => q.PeakRequestsPerSecond < 50
                ? SolutionTestData.Answer(q.PeakRequestsPerSecond!.Value, SolutionTestData.Candidate("lst_l4", 1, 2_000_000), SolutionTestData.Candidate("lst_a10", 1, 6_000_000))
                : SolutionTestData.Answer(q.PeakRequestsPerSecond!.Value, SolutionTestData.Candidate("lst_a10", 1, 6_000_000), SolutionTestData.Candidate("lst_l4", 4, 8_000_000)));
        var page = Render<ConfiguratorPage>();
        page.WaitForElement("button[data-testid='req-submit']").Click();
        page.WaitForElement("[data-testid='what-if']");

        page.Find("[data-testid='what-if'] input[type='range']").Input("2");

        page.WaitForAssertion(() => Assert.Equal("60", page.Find("[data-testid='candidates']").GetAttribute("data-demand")));
        Assert.Equal([30.0, 60.0], Mediator.SentOf<FindCandidates>().Select(q => q.PeakRequestsPerSecond!.Value));
        Assert.Equal("60", page.Find("[data-testid='what-if-demand']").TextContent);
        var moves = page.FindAll("[data-testid='candidate-movement']").Select(m => m.TextContent).ToList();
        Assert.Equal(["#2 at your peak", "#1 at your peak"], moves);
    }

    [Fact]
    public void Requesting_a_quote_sends_the_solution_by_role_with_the_requirements_searched_and_opens_the_quote()
    {
        Navigation.NavigateTo("/solutions?industry=manufacturing&scenario=mfg-visual-inspection");
        Mediator.Returns<ListIndustries>(SolutionTestData.Industries)
            .On<FindCandidates>(q => SolutionTestData.Answer(q.PeakRequestsPerSecond!.Value, SolutionTestData.Candidate("lst_l4", 2, 2_000_000)))
            .Returns<CreateQuote>(SolutionTestData.Quote());
        var page = Render<ConfiguratorPage>();
        page.WaitForElement("button[data-testid='req-submit']").Click();

        page.WaitForElement("button[data-testid='candidate-quote']").Click();

        page.WaitForAssertion(() => Assert.EndsWith("/quotes/qte_1", Navigation.Uri, StringComparison.Ordinal));
        var quote = Mediator.SentOf<CreateQuote>().Single();
        Assert.Equal(("lst_tessel", "lst_l4", 2), (quote.IntegratorId, quote.HardwareId, quote.HardwareUnits!.Value));
        Assert.Equal(new QuoteModelInput("model", "lst_resnet"), Assert.Single(quote.Models!));
        Assert.Equal("GLOBAL", quote.Requirements!.Region);
        Assert.Equal("mfg-visual-inspection", quote.Requirements.ScenarioId);
    }

    [Fact]
    public void A_quote_shows_its_lines_split_and_changes_and_accepting_it_opens_the_order()
    {
        Mediator.Returns<GetQuote>(SolutionTestData.Quote(changes: [new QuoteChange("lst_l4", "Edge server 2× L4", "1.0.0", "1.1.0", "version 1.1.0 is now offered: re-quote for its prices")]))
            .Returns<AcceptQuote>(new QuoteAcceptance("ord_1", []));
        var page = Render<QuotePage>(p => p.Add(q => q.QuoteId, "qte_1"));

        page.WaitForAssertion(() => Assert.Equal("USD 22,500.00", page.Find("[data-testid='quote-total']").TextContent.Trim()));
        Assert.Equal(3, page.FindAll("[data-testid='quote-lines-row']").Count);
        Assert.Equal("USD 22,500.00", page.Find("[data-testid='quote-lines-total']").TextContent.Trim());
        Assert.Contains("1.1.0", page.Find("[data-testid='quote-change']").TextContent);
        Assert.Equal("/api/v1/quotes/qte_1/pdf", page.Find("a[data-testid='quote-pdf']").GetAttribute("href"));
        var split = page.FindAll("[data-testid='revenue-split-part']").Select(p => p.TextContent).ToList();
        Assert.Contains(split, s => s.Contains("Marketplace (platform fee)", StringComparison.Ordinal) && s.Contains("USD 2,000.00", StringComparison.Ordinal));

        page.Find("button[data-testid='quote-accept']").Click();
        page.WaitForElement("button[data-testid='confirm-dialog-confirm']").Click();

        page.WaitForAssertion(() => Assert.EndsWith("/orders/ord_1", Navigation.Uri, StringComparison.Ordinal));
        Assert.Equal("qte_1", Mediator.SentOf<AcceptQuote>().Single().QuoteId);
    }

    [Fact]
    public void Re_quoting_shows_the_new_version()
    {
        Mediator.Returns<GetQuote>(SolutionTestData.Quote())
            .Returns<RequoteQuote>(SolutionTestData.Quote() with { Version = 2 });
        var page = Render<QuotePage>(p => p.Add(q => q.QuoteId, "qte_1"));

        page.WaitForElement("button[data-testid='quote-requote']").Click();
        page.WaitForAssertion(() => Assert.Contains("Version 2", page.Find("[data-testid='quote-version']").TextContent));
        Assert.Equal("qte_1", Mediator.SentOf<RequoteQuote>().Single().QuoteId);
    }

    [Fact]
    public void An_accepted_quote_links_its_order_instead_of_offering_acceptance_or_a_re_quote()
    {
        Mediator.Returns<GetQuote>(SolutionTestData.Quote(QuoteStatus.Accepted, "ord_9"));
        var accepted = Render<QuotePage>(p => p.Add(q => q.QuoteId, "qte_1"));
        accepted.WaitForAssertion(() => Assert.Equal("/orders/ord_9", accepted.Find("a[data-testid='quote-order']").GetAttribute("href")));
        Assert.Empty(accepted.FindAll("button[data-testid='quote-accept']"));
        Assert.Empty(accepted.FindAll("button[data-testid='quote-requote']"));
    }

    [Fact]
    public void Another_organisations_quote_reads_as_missing()
    {
        Mediator.Throws<GetQuote>(new NotFoundException("Quote", "qte_x"));
        var page = Render<QuotePage>(p => p.Add(q => q.QuoteId, "qte_x"));

        page.WaitForAssertion(() => Assert.Contains("No such quote", page.Markup));
    }

    [Fact]
    public void Operators_see_every_organisations_quotes_and_can_filter_them_by_status()
    {
        Caller = TestCallers.OperatorOwner;
        Navigation.NavigateTo("/quotes?status=Accepted");
        Mediator.On<ListQuotes>(q => new List<QuoteSummary> { new("qte_1", "org_customer", QuoteStatus.Accepted, 1, "USD", 2_250_000, TestData.At, TestData.At.AddDays(30), "ResNet-50 + Tessel") });
        var page = Render<QuotesPage>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid='quotes-table'] tbody tr")));
        Assert.Equal("Accepted", Mediator.SentOf<ListQuotes>().Single().Status);
        Assert.Contains("org_customer", page.Find("[data-testid='quotes-table']").TextContent);
        Assert.Empty(page.FindAll("[data-testid='quotes-configure']"));
    }

    [Fact]
    public void An_order_lists_a_line_per_partner_summing_to_its_total()
    {
        Mediator.Returns<GetOrder>(new OrderSnapshot("ord_1", "qte_1", 1, "org_customer", "USD", 2_000_000,
            [new OrderLine("org_hw", "Fjordline", "2 × Edge server", 1_000_000, 900_000, 100_000), new OrderLine("org_tessel", "Tessel Vision", "Fixed fee", 1_000_000, 900_000, 100_000)],
            TestData.At, "Placed", ["inv_1-0"]));
        var page = Render<OrderPage>(p => p.Add(o => o.OrderId, "ord_1"));

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid='order-lines-row']").Count));
        Assert.Equal("USD 20,000.00", page.Find("[data-testid='order-lines-total']").TextContent.Trim());
        Assert.Equal("USD 20,000.00", page.Find("[data-testid='order-total']").TextContent.Trim());
        Assert.Equal("/invoices/inv_1-0", page.Find("[data-testid='order-invoice']").GetAttribute("href"));
    }

    [Fact]
    public void An_operator_sets_the_take_rate_a_tax_rate_and_an_exchange_rate()
    {
        Caller = TestCallers.OperatorOwner;
        var terms = new PlatformTerms(1000, new Dictionary<string, int>(), [], null, null);
        Mediator.Returns<GetPlatformTerms>(terms)
            .On<SetTakeRate>(c => terms with { TakeRateBasisPoints = c.BasisPoints!.Value })
            .On<SetTaxRate>(c => terms with { TaxRates = new Dictionary<string, int> { [c.Region] = c.BasisPoints!.Value } })
            .On<SetExchangeRate>(c => terms with { ExchangeRates = [new Marketplace.Domain.Money.ExchangeRate(c.From!, c.To!, SetExchangeRate.Micros(c.Rate)!.Value, TestData.At)] });
        var page = Render<TermsPage>();

        page.WaitForElement("input[data-testid='terms-take-rate-input']").Change("1250");
        page.Find("button[data-testid='terms-take-rate-save']").Click();
        page.Find("input[data-testid='terms-tax-region']").Change("DE");
        page.Find("input[data-testid='terms-tax-rate']").Change("1900");
        page.Find("button[data-testid='terms-tax-save']").Click();
        page.Find("input[data-testid='terms-rate-value']").Change("1.085");
        page.Find("button[data-testid='terms-rate-save']").Click();

        page.WaitForAssertion(() => Assert.Single(Mediator.SentOf<SetExchangeRate>()));
        Assert.Equal(1250, Mediator.SentOf<SetTakeRate>().Single().BasisPoints);
        Assert.Equal(new SetTaxRate("DE", 1900), Mediator.SentOf<SetTaxRate>().Single());
        Assert.Equal(new SetExchangeRate("EUR", "USD", "1.085"), Mediator.SentOf<SetExchangeRate>().Single());
        page.WaitForAssertion(() => Assert.Contains("1 EUR = 1.085 USD", page.Find("[data-testid='terms-exchange']").TextContent));
    }
}
