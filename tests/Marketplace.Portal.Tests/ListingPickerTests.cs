using Bunit;
using Marketplace.Abstractions.Errors;
using Marketplace.Application.Catalog.Items;
using Marketplace.Application.Catalog.Search;
using Marketplace.Domain.Listings;
using Marketplace.Portal.Components.Listings;

namespace Marketplace.Portal.Tests;

public sealed class ListingPickerTests : PortalTest
{
    [Fact]
    public void Picked_listings_show_by_name_one_no_longer_published_by_id_and_closing_a_chip_removes_it()
    {
        IReadOnlyList<string>? changed = null;
        Mediator.On<GetCatalogItem>(q => q.Id == "lst_resnet"
            ? new CatalogItem(q.Id, ListingKind.Model, "ResNet-50", "org_lumen", "Lumen", "", "1.0.0", TestData.At, TestData.Integrator())
            : throw new NotFoundException("Catalog item", q.Id));
        var page = Render<ListingPicker>(p => p
            .Add(x => x.Label, "Certified models")
            .Add(x => x.Kind, ListingKind.Model)
            .Add(x => x.Values, ["lst_resnet", "lst_gone"])
            .Add(x => x.ValuesChanged, v => changed = v)
            .Add(x => x.TestId, "picker"));

        page.WaitForAssertion(() => Assert.Equal(["ResNet-50", "lst_gone"], page.FindAll("[data-testid='picker-chip']").Select(c => c.TextContent.Trim())));

        page.FindAll("[data-testid='picker-chip'] button")[0].Click();

        page.WaitForAssertion(() => Assert.Equal(["lst_gone"], changed));
    }

    [Fact]
    public void The_search_asks_the_catalog_for_published_listings_of_its_kind_and_leaves_out_those_picked()
    {
        Mediator.On<SearchCatalog>(_ => TestData.Result([TestData.Hit("lst_a", ListingKind.Hardware), TestData.Hit("lst_b", ListingKind.Hardware)]))
            .On<GetCatalogItem>(q => new CatalogItem(q.Id, ListingKind.Hardware, "Listing lst_a", "org_hw", "Orbit", "", "1.0.0", TestData.At, TestData.Integrator()));
        var page = Render<ListingPicker>(p => p
            .Add(x => x.Label, "Certified hardware")
            .Add(x => x.Kind, ListingKind.Hardware)
            .Add(x => x.Values, ["lst_a"])
            .Add(x => x.TestId, "picker"));

        page.Find("input[data-testid='picker-search']").Input("rack");

        page.WaitForAssertion(() => Assert.NotEmpty(Mediator.SentOf<SearchCatalog>()));
        var query = Mediator.SentOf<SearchCatalog>()[^1].Query;
        Assert.Equal([ListingKind.Hardware], query.Kinds);
        Assert.Equal("rack", query.Text);
        page.WaitForAssertion(() => Assert.Equal(["Listing lst_b"], page.FindAll("[data-testid='picker-option']").Select(o => o.QuerySelector("p")!.TextContent)));
    }
}
