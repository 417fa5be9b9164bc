using Bunit;
using Marketplace.Abstractions.Billing;
using Marketplace.Abstractions.Errors;
using Marketplace.Abstractions.Solutions;
using Marketplace.Application.Billing;
using Marketplace.Application.Catalog.Items;
using Marketplace.Application.Solutions.Orders;
using Marketplace.Domain.Billing;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Solutions;
using Marketplace.Domain.Vocabulary;
using Marketplace.Portal.Components.Billing;
using Marketplace.Portal.Pages.Admin;
using Marketplace.Portal.Pages.Solutions;
using Microsoft.Extensions.Time.Testing;

namespace Marketplace.Portal.Tests;

public sealed class MeteredUsageTests : PortalTest
{
    private const string LineId = "ord_1.3";

    private static readonly MeteredLine Line = new(LineId, "org_lumen", "Lumen", "lst_resnet", "ResNet-50 (model)", UsageUnits.Inference, 80, 1000);

    /// <summary>A 36-month term that started two months before <see cref="TestData.At"/>: month 1 invoiced, month 2 so far.</summary>
    private static readonly MeteringTerm Term = new(TestData.At.AddMonths(-2), 36);

    /// <summary>The usage chart's window ends on the clock's day: <see cref="TestData.At"/>.</summary>
    public MeteredUsageTests()
        : base(new FakeTimeProvider(TestData.At)) => Caller = TestCallers.Customer;

    [Fact]
    public void An_order_with_metered_lines_shows_each_lines_id_and_price_and_what_each_month_came_to()
    {
        Mediator.Returns<GetOrder>(Order([Line]))
            .Returns<GetOrderUsage>(Usage(
                new MeteredMonth(1, LineId, 1_250_000, 100_000, Invoiced: true),
                new MeteredMonth(2, LineId, 400_500, 32_040, Invoiced: false)));
        var page = Render<OrderPage>(p => p.Add(o => o.OrderId, "ord_1"));

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid='order-usage-months'] tbody tr").Count));
        Assert.Equal("ord_1", Mediator.SentOf<GetOrderUsage>().Single().OrderId);
        Assert.Equal(LineId, page.Find("[data-testid='order-usage-line-id']").TextContent.Trim());
        Assert.Equal("Inferences", page.Find("[data-testid='order-usage-line-unit']").TextContent.Trim());
        Assert.Equal("USD 0.80 per 1,000", page.Find("[data-testid='order-usage-line-price']").TextContent.Trim());
        Assert.Equal(["Month 2", "Month 1"], page.FindAll("[data-testid='order-usage-month']").Select(c => c.TextContent.Trim()));
        Assert.Equal(["400,500 inferences", "1,250,000 inferences"], page.FindAll("[data-testid='order-usage-month-quantity']").Select(c => c.TextContent.Trim()));
        Assert.Equal(["USD 320.40", "USD 1,000.00"], page.FindAll("[data-testid='order-usage-month-amount']").Select(c => c.TextContent.Trim()));
        Assert.Equal(["So far", "Invoiced"], page.FindAll("[data-testid='order-usage-month-status']").Select(c => c.TextContent.Trim()));
        Assert.Equal(["false", "true"], page.FindAll("[data-testid='order-usage-month-status']").Select(c => c.GetAttribute("data-invoiced")!));
        Assert.Equal("USD 1,320.40", page.Find("[data-testid='order-usage-total']").TextContent.Trim());
        Assert.NotEmpty(page.FindAll("[data-testid='order-usage-chart'] svg"));
        Assert.Contains("2026-09", page.Find("[data-testid='order-usage-chart']").TextContent);
        Assert.Contains("2026-10", page.Find("[data-testid='order-usage-chart']").TextContent);
    }

    [Fact]
    public void The_help_shows_a_usage_batch_for_the_orders_line_in_the_first_month_not_invoiced()
    {
        Mediator.Returns<GetOrder>(Order([Line]))
            .Returns<GetOrderUsage>(Usage(new MeteredMonth(1, LineId, 1_000, 80, Invoiced: true)));
        var page = Render<OrderPage>(p => p.Add(o => o.OrderId, "ord_1"));

        var help = page.WaitForElement("[data-testid='order-usage-help']");
        Assert.Contains("POST /api/v1/usage/events", help.TextContent);
        Assert.Contains("resending an id is a no-op", help.TextContent);
        Assert.Contains("invoiced 6 hours after it ends", help.TextContent);
        Assert.Equal(
            """
            {
              "events": [
                {
                  "id": "evt-0001",
                  "orderLineId": "ord_1.3",
                  "quantity": 1000,
                  "unit": "inference",
                  "at": "2026-10-02T09:30:00Z"
                }
              ]
            }
            """.ReplaceLineEndings("\n"),
            page.Find("[data-testid='order-usage-example']").TextContent.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_line_id_is_copied_to_the_clipboard()
    {
        Mediator.Returns<GetOrder>(Order([Line])).Returns<GetOrderUsage>(Usage());
        var page = Render<OrderPage>(p => p.Add(o => o.OrderId, "ord_1"));

        page.WaitForElement("button[data-testid='order-usage-line-copy']").Click();

        page.WaitForAssertion(() => Assert.Equal([LineId], Context.JSInterop.Invocations["navigator.clipboard.writeText"].Select(i => (string)i.Arguments.Single()!)));
    }

    [Fact]
    public void An_order_without_usage_reported_yet_says_so_and_draws_no_chart()
    {
        Mediator.Returns<GetOrder>(Order([Line])).Returns<GetOrderUsage>(Usage());
        var page = Render<OrderPage>(p => p.Add(o => o.OrderId, "ord_1"));

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid='order-usage-no-months']")));
        Assert.Equal(LineId, page.Find("[data-testid='order-usage-line-id']").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid='order-usage-chart'] svg"));
        Assert.Equal("USD 0.00", page.Find("[data-testid='order-usage-total']").TextContent.Trim());
    }

    [Fact]
    public void An_order_whose_usage_is_not_found_shows_no_usage_section()
    {
        Mediator.Returns<GetOrder>(Order([Line]))
            .Throws<GetOrderUsage>(new NotFoundException("Metered usage of order", "ord_1"));
        var page = Render<OrderPage>(p => p.Add(o => o.OrderId, "ord_1"));

        page.WaitForAssertion(() => Assert.Single(Mediator.SentOf<GetOrderUsage>()));
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid='order-usage']")));
        Assert.Empty(page.FindAll("[data-testid='error-alert']"));
        Assert.Single(page.FindAll("[data-testid='order-total']"));
    }

    [Fact]
    public void An_order_without_metered_lines_does_not_ask_for_usage()
    {
        Mediator.Returns<GetOrder>(Order(null));
        var page = Render<OrderPage>(p => p.Add(o => o.OrderId, "ord_1"));

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid='order-total']")));
        Assert.Empty(Mediator.SentOf<GetOrderUsage>());
        Assert.Empty(page.FindAll("[data-testid='order-usage']"));
    }

    [Fact]
    public void The_finance_page_charts_usage_of_the_last_30_days_with_a_series_per_model_named_from_the_catalog()
    {
        Caller = TestCallers.OperatorOwner;
        Mediator.Returns<GetTrialBalance>(BillingTestData.Balance())
            .Returns<ListInvoices>(new List<InvoiceSummary>())
            .Returns<GetUsageByListing>(new List<ListingUsageDay>
            {
                new("lst_resnet", UsageUnits.Inference, Day(0), 12_000),
                new("lst_resnet", UsageUnits.Inference, Day(-3), 500),
                new("lst_gone", UsageUnits.Inference, Day(-1), 4_000),
            })
            .On<GetCatalogItem>(q => q.Id == "lst_resnet" ? CatalogItem(q.Id, "ResNet-50") : throw new NotFoundException("Catalog item", q.Id));
        var page = Render<FinancePage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid='usage-by-model-row']").Count));
        Assert.Equal(30, Mediator.SentOf<GetUsageByListing>().Single().Days);
        Assert.Equal(["lst_resnet", "lst_gone"], page.FindAll("[data-testid='usage-by-model-row']").Select(r => r.GetAttribute("data-listing-id")!));
        Assert.Equal(["ResNet-50", "lst_gone"], page.FindAll("[data-testid='usage-by-model-name']").Select(n => n.TextContent.Trim()));
        Assert.Equal(["12,500", "4,000"], page.FindAll("[data-testid='usage-by-model-total']").Select(n => n.TextContent.Trim()));
        Assert.Equal("/admin/listings/lst_gone", page.FindAll("a[data-testid='usage-by-model-name']")[1].GetAttribute("href"));
        var chart = page.Find("[data-testid='usage-by-model-chart']");
        Assert.NotEmpty(chart.QuerySelectorAll("svg"));
        Assert.Contains("ResNet-50", chart.TextContent);
        Assert.Contains("lst_gone", chart.TextContent);
        Assert.Contains("11-02", chart.TextContent);
        Assert.Contains("10-05", chart.TextContent);
        Assert.DoesNotContain("10-04", chart.TextContent);
        Assert.Equal(30, chart.QuerySelectorAll(".mud-charts-xaxis text").Length);
    }

    [Fact]
    public void Choosing_another_window_asks_again_for_that_many_days()
    {
        Caller = TestCallers.OperatorOwner;
        Mediator.On<GetUsageByListing>(q => q.Days == 7
                ? new List<ListingUsageDay>()
                : new List<ListingUsageDay> { new("lst_resnet", UsageUnits.Inference, Day(-20), 900) })
            .On<GetCatalogItem>(q => throw new NotFoundException("Catalog item", q.Id));
        var page = Render<UsageByModelChart>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid='usage-by-model-row']")));

        page.Find("[data-testid='usage-by-model-days-choice'][data-days='7']").Click();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid='usage-by-model-empty']")));
        Assert.Equal([30, 7], Mediator.SentOf<GetUsageByListing>().Select(q => q.Days));
        Assert.Equal("7", page.Find("[data-testid='usage-by-model']").GetAttribute("data-days"));
        Assert.Contains("No metered usage in the last 7 days", page.Find("[data-testid='usage-by-model-empty']").TextContent);
        Assert.Empty(page.FindAll("[data-testid='usage-by-model-chart']"));

        page.Find("[data-testid='usage-by-model-days-choice'][data-days='90']").Click();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid='usage-by-model-row']")));
        Assert.Equal([30, 7, 90], Mediator.SentOf<GetUsageByListing>().Select(q => q.Days));
        Assert.Single(Mediator.SentOf<GetCatalogItem>());
    }

    [Fact]
    public void No_usage_in_the_window_reads_as_an_empty_state()
    {
        Caller = TestCallers.OperatorOwner;
        Mediator.Returns<GetUsageByListing>(new List<ListingUsageDay>());
        var page = Render<UsageByModelChart>();

        page.WaitForAssertion(() => Assert.Contains("No metered usage in the last 30 days", page.Find("[data-testid='usage-by-model-empty']").TextContent));
        Assert.Empty(page.FindAll("[data-testid='usage-by-model-chart']"));
        Assert.Empty(page.FindAll("[data-testid='usage-by-model-row']"));
        Assert.Empty(Mediator.SentOf<GetCatalogItem>());
    }

    [Fact]
    public void Tokens_and_inferences_are_never_stacked_together()
    {
        Caller = TestCallers.OperatorOwner;
        Mediator.Returns<GetUsageByListing>(new List<ListingUsageDay>
            {
                new("lst_resnet", UsageUnits.Inference, Day(0), 5_000),
                new("lst_llama", UsageUnits.Token, Day(0), 900_000),
            })
            .On<GetCatalogItem>(q => CatalogItem(q.Id, q.Id == "lst_llama" ? "Llama 3.1 8B" : "ResNet-50"));
        var page = Render<UsageByModelChart>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid='usage-by-model-row']").Count));
        Assert.Equal(["token", "inference"], page.FindAll("[data-testid='usage-by-model-unit-choice']").Select(c => c.GetAttribute("data-unit")!));
        Assert.Contains("Llama 3.1 8B", page.Find("[data-testid='usage-by-model-chart']").TextContent);
        Assert.DoesNotContain("ResNet-50", page.Find("[data-testid='usage-by-model-chart']").TextContent);

        page.Find("[data-testid='usage-by-model-unit-choice'][data-unit='inference']").Click();

        page.WaitForAssertion(() => Assert.Contains("ResNet-50", page.Find("[data-testid='usage-by-model-chart']").TextContent));
        Assert.DoesNotContain("Llama 3.1 8B", page.Find("[data-testid='usage-by-model-chart']").TextContent);
        Assert.Single(Mediator.SentOf<GetUsageByListing>());
    }

    private static OrderSnapshot Order(IReadOnlyList<MeteredLine>? metered) => new("ord_1", "qte_1", 1, "org_customer", "USD", 2_000_000,
        [new OrderLine("org_hw", "Fjordline", "2 × Edge server", 2_000_000, 1_800_000, 200_000)],
        TestData.At, "Placed", [], metered);

    private static MeterView Usage(params MeteredMonth[] months) =>
        new("org_customer", "USD", Term, [Line], months.Count(m => m.Invoiced), months);

    private static DateOnly Day(int offset) => DateOnly.FromDateTime(TestData.At.UtcDateTime).AddDays(offset);

    private static CatalogItem CatalogItem(string id, string name) =>
        new(id, ListingKind.Model, name, "org_lumen", "Lumen", "", "1.0.0", TestData.At, SandboxTestData.ModelListing);
}
