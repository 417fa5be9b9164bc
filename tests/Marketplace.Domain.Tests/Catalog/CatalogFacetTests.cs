using Marketplace.Domain.Catalog;
using Marketplace.Domain.Listings;
using static Marketplace.Domain.Tests.Catalog.TestEntries;

namespace Marketplace.Domain.Tests.Catalog;

public sealed class CatalogFacetTests
{
    private static IReadOnlyDictionary<string, int> Facet(CatalogIndex index, string facet, CatalogQuery? query = null) =>
        index.Search(query ?? new CatalogQuery()).Facets[facet];

    [Fact]
    public void Results_have_every_facet()
    {
        var facets = IndexOf(Model("a")).Search(new CatalogQuery()).Facets;

        Assert.Equal(
            [CatalogFacets.Kind, CatalogFacets.Industry, CatalogFacets.Task, CatalogFacets.License, CatalogFacets.Deployment, CatalogFacets.Region, CatalogFacets.PriceRange, CatalogFacets.AcceleratorMemory],
            facets.Keys);
    }

    [Fact]
    public void A_facet_ignores_its_own_filter_but_applies_the_others()
    {
        var index = IndexOf(
            Model("m-fin") with { Industries = ["finance"] },
            Model("m-health") with { Industries = ["health"] },
            Integrator("i-fin") with { Industries = ["finance"] });

        var result = index.Search(new CatalogQuery { Kinds = [ListingKind.Model], Industries = ["finance"] });

        Assert.Equal(1, result.Total);
        Assert.Equal(new Dictionary<string, int> { ["model"] = 1, ["integrator"] = 1, ["hardware"] = 0 }, result.Facets[CatalogFacets.Kind]);
        Assert.Equal(new Dictionary<string, int> { ["finance"] = 1, ["health"] = 1 }, result.Facets[CatalogFacets.Industry]);
    }

    [Fact]
    public void Facets_count_only_entries_matching_the_text()
    {
        var index = IndexOf(Model("a", "Vision") with { Industries = ["finance"] }, Model("b", "Speech") with { Industries = ["health"] });

        Assert.Equal(new Dictionary<string, int> { ["finance"] = 1 }, Facet(index, CatalogFacets.Industry, new CatalogQuery { Text = "vision" }));
    }

    [Fact]
    public void Kind_facet_always_lists_every_kind()
    {
        var index = IndexOf(Model("a"));

        Assert.Equal(new Dictionary<string, int> { ["model"] = 1, ["integrator"] = 0, ["hardware"] = 0 }, Facet(index, CatalogFacets.Kind));
    }

    [Fact]
    public void Value_facets_list_only_values_with_matches_most_frequent_first_in_lower_case()
    {
        var index = IndexOf(
            Model("a") with { Industries = ["Retail"], Task = "Text-Embedding", License = "MIT", Deployment = ["Cloud"] },
            Model("b") with { Industries = ["Finance", "retail"], Task = "text-embedding", License = "mit", Deployment = ["Cloud", "Private"] },
            Model("c") with { Industries = ["Astrology"] });
        index.Remove("c");

        var industries = Facet(index, CatalogFacets.Industry);
        Assert.Equal(["retail", "finance"], industries.Keys.ToList());
        Assert.Equal([2, 1], industries.Values.ToList());
        Assert.Equal(new Dictionary<string, int> { ["text-embedding"] = 2 }, Facet(index, CatalogFacets.Task));
        Assert.Equal(new Dictionary<string, int> { ["mit"] = 2 }, Facet(index, CatalogFacets.License));
        Assert.Equal(new Dictionary<string, int> { ["cloud"] = 2, ["private"] = 1 }, Facet(index, CatalogFacets.Deployment));
    }

    [Fact]
    public void Region_counts_include_the_global_listings_a_region_filter_would_give()
    {
        var index = IndexOf(
            Model("global") with { Regions = ["GLOBAL"] },
            Model("de-1") with { Regions = ["DE"] },
            Model("de-2") with { Regions = ["DE", "FR"] });

        Assert.Equal(new Dictionary<string, int> { ["de"] = 3, ["fr"] = 2, ["global"] = 1 }, Facet(index, CatalogFacets.Region));
    }

    [Fact]
    public void Price_ranges_are_in_major_units_of_the_query_currency()
    {
        var index = IndexOf(
            Model("usd-99.99") with { PriceMinor = 9_999 },
            Model("usd-100") with { PriceMinor = 10_000 },
            Model("usd-100000") with { PriceMinor = 10_000_000 },
            Model("jpy-100") with { PriceMinor = 100, Currency = "JPY" },
            Model("jpy-99999") with { PriceMinor = 99_999, Currency = "JPY" },
            Model("unpriced"));

        Assert.Equal(new Dictionary<string, int> { ["0-100"] = 1, ["100-1000"] = 1, ["100000+"] = 1 }, Facet(index, CatalogFacets.PriceRange));
        Assert.Equal(new Dictionary<string, int> { ["100-1000"] = 1, ["10000-100000"] = 1 }, Facet(index, CatalogFacets.PriceRange, new CatalogQuery { Currency = "JPY" }));
    }

    [Fact]
    public void Price_range_facet_ignores_the_price_filter()
    {
        var index = IndexOf(Model("cheap") with { PriceMinor = 1_000 }, Model("dear") with { PriceMinor = 1_000_000 });

        var result = index.Search(new CatalogQuery { MaxPriceMinor = 5_000 });

        Assert.Equal(1, result.Total);
        Assert.Equal(new Dictionary<string, int> { ["0-100"] = 1, ["10000-100000"] = 1 }, result.Facets[CatalogFacets.PriceRange]);
    }

    [Fact]
    public void Price_range_facet_is_empty_for_a_currency_nobody_prices_in()
    {
        var index = IndexOf(Model("a") with { PriceMinor = 1_000 });

        Assert.Empty(Facet(index, CatalogFacets.PriceRange, new CatalogQuery { Currency = "XYZ" }));
    }

    [Fact]
    public void Accelerator_memory_ranges_hold_their_lower_bound_and_ignore_their_own_filter()
    {
        var index = IndexOf(
            Hardware("23.9") with { AcceleratorMemoryGb = 23.9 },
            Hardware("24") with { AcceleratorMemoryGb = 24 },
            Hardware("96") with { AcceleratorMemoryGb = 96 },
            Hardware("141") with { AcceleratorMemoryGb = 141 },
            Hardware("cpu-only"));

        var result = index.Search(new CatalogQuery { MinAcceleratorMemoryGb = 100 });

        Assert.Equal(1, result.Total);
        Assert.Equal(new Dictionary<string, int> { ["0-24"] = 1, ["24-48"] = 1, ["96+"] = 2 }, result.Facets[CatalogFacets.AcceleratorMemory]);
    }

    [Fact]
    public void Bucket_definitions_are_contiguous_from_zero_with_an_open_top()
    {
        foreach (var buckets in new[] { CatalogFacetBuckets.PriceRanges, CatalogFacetBuckets.AcceleratorMemory })
        {
            Assert.Equal(0, buckets[0].Lower);
            Assert.Null(buckets[^1].Upper);
            for (var i = 1; i < buckets.Count; i++)
            {
                Assert.Equal(buckets[i - 1].Upper, buckets[i].Lower);
            }
        }
    }
}
