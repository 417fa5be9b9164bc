using Bunit;
using Marketplace.Abstractions.Errors;
using Marketplace.Application.Catalog.Compare;
using Marketplace.Application.Catalog.Items;
using Marketplace.Domain.Catalog;
using Marketplace.Domain.Listings;
using Marketplace.Portal.Pages.Catalog;

namespace Marketplace.Portal.Tests;

public sealed class ComparePageTests : PortalTest
{
    [Fact]
    public void Mixed_kinds_are_explained_in_an_alert()
    {
        Mediator.Throws<CompareCatalogItems>(new RequestValidationException("ids", "Only listings of one kind can be compared; these are Model and Hardware."));
        Navigation.NavigateTo("/catalog/compare?ids=lst_a,lst_b");

        var page = Render<ComparePage>();

        page.WaitForAssertion(() => Assert.Contains("Only listings of one kind", page.Find("[data-testid='compare-error']").TextContent));
        Assert.Equal(["lst_a", "lst_b"], Mediator.SentOf<CompareCatalogItems>().Single().Ids);
    }

    [Fact]
    public void Lowest_price_and_most_memory_are_marked_best()
    {
        CatalogItem Item(string id, long lease, double memory) => new(id, ListingKind.Hardware, id, "org", "Orbit", "", "1.0.0", TestData.At, new ListingContent
        {
            Kind = ListingKind.Hardware,
            Name = id,
            Pricing = new ListingPricing { Currency = "USD", MonthlyLeaseMinor = lease },
            Hardware = new HardwareSpec { AcceleratorType = "H200", AcceleratorCount = 8, MemoryPerAcceleratorGb = memory, PeakBf16Tflops = 989, MemoryBandwidthGbps = 4800 },
        });
        var items = new[] { Item("a", 16_000_00, 141), Item("b", 13_000_00, 80) };
        var view = new CatalogComparisonView(ListingKind.Hardware, items, CatalogComparison.Rows(ListingKind.Hardware, items.Select(i => i.Content).ToList()));

        var best = CompareHighlights.Best(view);

        Assert.Equal([1], best["pricing.monthlyLeaseMinor"]);
        Assert.Equal([0], best["memoryPerAcceleratorGb"]);
        Assert.False(best.ContainsKey("peakBf16Tflops"));
    }
}
