using Marketplace.Domain.Catalog;
using Marketplace.Domain.Listings;
using static Marketplace.Domain.Tests.Catalog.TestEntries;

namespace Marketplace.Domain.Tests.Catalog;

public sealed class CatalogFilterTests
{
    private static List<string> Matching(CatalogIndex index, CatalogQuery query) =>
        index.Search(query with { Sort = CatalogSort.Name, PageSize = CatalogQuery.MaxPageSize }).Ids().Order().ToList();

    [Fact]
    public void Values_inside_one_filter_are_alternatives()
    {
        var index = IndexOf(
            Model("finance") with { Industries = ["finance"] },
            Model("health") with { Industries = ["health"] },
            Model("retail") with { Industries = ["retail"] });

        Assert.Equal(["finance", "health"], Matching(index, new CatalogQuery { Industries = ["finance", "health"] }));
    }

    [Fact]
    public void Different_filters_must_all_hold()
    {
        var index = IndexOf(
            Model("both") with { Industries = ["finance"], Regions = ["DE"] },
            Model("industry-only") with { Industries = ["finance"], Regions = ["FR"] },
            Model("region-only") with { Industries = ["health"], Regions = ["DE"] });

        Assert.Equal(["both"], Matching(index, new CatalogQuery { Industries = ["finance"], Regions = ["DE"] }));
    }

    [Fact]
    public void Kinds_filter_by_listing_kind()
    {
        var index = IndexOf(Model("m"), Integrator("i"), Hardware("h"));

        Assert.Equal(["h", "m"], Matching(index, new CatalogQuery { Kinds = [ListingKind.Model, ListingKind.Hardware] }));
    }

    [Fact]
    public void Tasks_licenses_and_deployments_filter_on_their_fields()
    {
        var index = IndexOf(
            Model("a") with { Task = "text-embedding", License = "mit", Deployment = ["Cloud"] },
            Model("b") with { Task = "object-detection", License = "apache-2.0", Deployment = ["Private"] },
            Integrator("c"));

        Assert.Equal(["a"], Matching(index, new CatalogQuery { Tasks = ["text-embedding"] }));
        Assert.Equal(["b"], Matching(index, new CatalogQuery { Licenses = ["apache-2.0"] }));
        Assert.Equal(["b"], Matching(index, new CatalogQuery { Deployments = ["private"] }));
    }

    [Fact]
    public void Facet_values_match_whatever_their_case()
    {
        var index = IndexOf(Model("a") with { Industries = ["Finance"], Task = "Text-Embedding", Regions = ["de"] });

        Assert.Equal(["a"], Matching(index, new CatalogQuery { Industries = ["FINANCE"], Tasks = ["text-embedding"], Regions = ["DE"] }));
    }

    [Fact]
    public void Global_region_matches_every_region_filter()
    {
        var index = IndexOf(
            Model("global") with { Regions = ["GLOBAL"] },
            Model("germany") with { Regions = ["DE"] },
            Model("france") with { Regions = ["FR"] },
            Model("nowhere"));

        Assert.Equal(["germany", "global"], Matching(index, new CatalogQuery { Regions = ["DE"] }));
        Assert.Equal(["global"], Matching(index, new CatalogQuery { Regions = ["JP"] }));
    }

    [Fact]
    public void Price_bounds_are_inclusive()
    {
        var index = IndexOf(
            Model("below") with { PriceMinor = 999 },
            Model("at-min") with { PriceMinor = 1000 },
            Model("at-max") with { PriceMinor = 2000 },
            Model("above") with { PriceMinor = 2001 });

        Assert.Equal(["at-max", "at-min"], Matching(index, new CatalogQuery { MinPriceMinor = 1000, MaxPriceMinor = 2000 }));
        Assert.Equal(["above", "at-max"], Matching(index, new CatalogQuery { MinPriceMinor = 2000 }));
        Assert.Equal(["at-min", "below"], Matching(index, new CatalogQuery { MaxPriceMinor = 1000 }));
    }

    [Fact]
    public void Price_filter_matches_only_entries_priced_in_the_query_currency()
    {
        var index = IndexOf(
            Model("usd") with { PriceMinor = 1000, Currency = "USD" },
            Model("eur") with { PriceMinor = 1000, Currency = "EUR" });

        Assert.Equal(["eur"], Matching(index, new CatalogQuery { MaxPriceMinor = 5000, Currency = "EUR" }));
        Assert.Empty(Matching(index, new CatalogQuery { MaxPriceMinor = 5000, Currency = "JPY" }));
    }

    [Fact]
    public void Entries_without_a_price_never_match_a_price_filter()
    {
        var index = IndexOf(Model("free-text-only"), Model("priced") with { PriceMinor = 0 });

        Assert.Equal(["priced"], Matching(index, new CatalogQuery { MinPriceMinor = 0 }));
        Assert.Equal(["free-text-only", "priced"], Matching(index, new CatalogQuery()));
    }

    [Fact]
    public void Accelerator_memory_bounds_are_inclusive_and_skip_entries_without_memory()
    {
        var index = IndexOf(
            Hardware("24") with { AcceleratorMemoryGb = 24 },
            Hardware("80") with { AcceleratorMemoryGb = 80 },
            Hardware("141") with { AcceleratorMemoryGb = 141 },
            Hardware("cpu-only"));

        Assert.Equal(["141", "80"], Matching(index, new CatalogQuery { MinAcceleratorMemoryGb = 80 }));
        Assert.Equal(["24", "80"], Matching(index, new CatalogQuery { MinAcceleratorMemoryGb = 24, MaxAcceleratorMemoryGb = 80 }));
    }

    [Fact]
    public void An_unknown_filter_value_matches_nothing()
    {
        var index = IndexOf(Model("a") with { Industries = ["finance"] });

        Assert.Empty(Matching(index, new CatalogQuery { Industries = ["astrology"] }));
    }
}
