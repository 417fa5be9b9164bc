using Bunit;
using Marketplace.Application.Catalog.Industries;
using Marketplace.Application.Catalog.Search;
using Marketplace.Domain.Catalog;
using Marketplace.Domain.Listings;
using Marketplace.Portal.Pages.Catalog;

namespace Marketplace.Portal.Tests;

public sealed class CatalogPageTests : PortalTest
{
    public CatalogPageTests() => Mediator.Returns<ListIndustries>(TestData.Industries);

    [Fact]
    public void Facets_show_counts_and_toggling_one_searches_with_that_filter()
    {
        var facets = new Dictionary<string, IReadOnlyDictionary<string, int>>
        {
            [CatalogFacets.Kind] = new Dictionary<string, int> { ["model"] = 3, ["hardware"] = 4 },
            [CatalogFacets.Industry] = new Dictionary<string, int> { ["manufacturing"] = 7, ["finance"] = 9 },
        };
        Mediator.Returns<SearchCatalog>(TestData.Result([TestData.Hit("lst_a", ListingKind.Model)], facets));

        var page = Render<CatalogPage>();

        page.WaitForAssertion(() => Assert.Equal("7", page.Find("[data-testid='facet-industry-manufacturing'] [data-testid='facet-count']").TextContent.Trim()));
        Assert.Equal("9", page.Find("[data-testid='facet-industry-finance'] [data-testid='facet-count']").TextContent.Trim());
        Assert.Contains("Finance", page.Find("[data-testid='facet-industry-finance']").TextContent);
        Assert.Contains("7", page.Find("[data-testid='kind-chip-all']").TextContent);

        page.Find("[data-testid='facet-industry-finance'] input").Change(true);

        page.WaitForAssertion(() => Assert.Equal(["finance"], Mediator.SentOf<SearchCatalog>()[^1].Query.Industries));
        Assert.Equal("http://localhost/catalog?industry=finance", Navigation.Uri);
    }

    [Fact]
    public void Compare_boxes_turn_off_past_four_picks_and_for_another_kind()
    {
        var hardware = Enumerable.Range(1, 5).Select(i => TestData.Hit($"lst_h{i}", ListingKind.Hardware)).ToList();
        Mediator.Returns<SearchCatalog>(TestData.Result([.. hardware, TestData.Hit("lst_m1", ListingKind.Model)]));
        var page = Render<CatalogPage>();
        page.WaitForAssertion(() => Assert.Equal(6, page.FindAll("[data-testid='catalog-result']").Count));

        bool Disabled(string id) => page.Find($"[data-testid='compare-toggle'][data-id='{id}'] input").HasAttribute("disabled");

        page.Find("[data-testid='compare-toggle'][data-id='lst_h1'] input").Change(true);
        page.WaitForAssertion(() => Assert.True(Disabled("lst_m1")));
        for (var i = 2; i <= 4; i++)
        {
            page.Find($"[data-testid='compare-toggle'][data-id='lst_h{i}'] input").Change(true);
        }

        page.WaitForAssertion(() => Assert.True(Disabled("lst_h5")));
        Assert.False(Disabled("lst_h4"));
        Assert.Contains("compare=lst_h1,lst_h2,lst_h3,lst_h4", Uri.UnescapeDataString(Navigation.Uri));
        Assert.Equal("/catalog/compare?ids=lst_h1,lst_h2,lst_h3,lst_h4", page.Find("[data-testid='compare-go']").GetAttribute("href"));
    }

    [Fact]
    public void Compare_rules_name_the_reason()
    {
        var picks = Enumerable.Range(1, 4).Select(i => new ComparePick($"lst_{i}", $"H{i}", ListingKind.Hardware)).ToList();

        Assert.Null(ComparePicks.WhyNot(picks, "lst_1", ListingKind.Hardware));
        Assert.Contains("at most 4", ComparePicks.WhyNot(picks, "lst_5", ListingKind.Hardware));
        Assert.Contains("one kind", ComparePicks.WhyNot(picks[..1], "lst_9", ListingKind.Model));
        Assert.Null(ComparePicks.WhyNot([], "lst_9", ListingKind.Model));
    }

    [Fact]
    public void Price_bucket_becomes_inclusive_minor_unit_bounds()
    {
        var query = new CatalogState { PriceRange = "100-1000", Currency = "USD" }.ToQuery();

        Assert.Equal(10_000, query.MinPriceMinor);
        Assert.Equal(99_999, query.MaxPriceMinor);
    }
}
