using Marketplace.Domain.Catalog;
using static Marketplace.Domain.Tests.Catalog.TestEntries;

namespace Marketplace.Domain.Tests.Catalog;

public sealed class CatalogSortAndPagingTests
{
    private static readonly CatalogIndex Dated = IndexOf(
        Model("b") with { PublishedAt = Day0 },
        Model("a") with { PublishedAt = Day0 },
        Model("newest") with { PublishedAt = Day0.AddDays(2) },
        Model("middle") with { PublishedAt = Day0.AddDays(1) });

    private static readonly CatalogIndex Priced = IndexOf(
        Model("none", "Zed"),
        Model("cheap", "Cheap") with { PriceMinor = 100 },
        Model("dear", "Dear") with { PriceMinor = 900 },
        Model("same-b", "Same") with { PriceMinor = 500 },
        Model("same-a", "Same") with { PriceMinor = 500 },
        Model("alpha", "alpha") with { PriceMinor = 500 },
        Model("euro", "Euro") with { PriceMinor = 1, Currency = "EUR" });

    [Fact]
    public void Without_text_relevance_lists_newest_first_and_ties_by_id() =>
        Assert.Equal(["newest", "middle", "a", "b"], Dated.Search(new CatalogQuery()).Ids());

    [Fact]
    public void Newest_lists_newest_first_and_ties_by_id() =>
        Assert.Equal(["newest", "middle", "a", "b"], Dated.Search(new CatalogQuery { Text = "entry", Sort = CatalogSort.Newest }).Ids());

    [Fact]
    public void Price_ascending_puts_entries_without_a_price_in_the_currency_last() =>
        Assert.Equal(["cheap", "alpha", "same-a", "same-b", "dear", "euro", "none"], Priced.Search(new CatalogQuery { Sort = CatalogSort.PriceAscending }).Ids());

    [Fact]
    public void Price_descending_puts_entries_without_a_price_in_the_currency_last() =>
        Assert.Equal(["dear", "alpha", "same-a", "same-b", "cheap", "euro", "none"], Priced.Search(new CatalogQuery { Sort = CatalogSort.PriceDescending }).Ids());

    [Fact]
    public void Price_sort_uses_the_query_currency() =>
        Assert.Equal("euro", Priced.Search(new CatalogQuery { Sort = CatalogSort.PriceAscending, Currency = "EUR" }).Ids()[0]);

    [Fact]
    public void Name_sort_ignores_case_and_ties_go_by_id() =>
        Assert.Equal(["alpha", "cheap", "dear", "euro", "same-a", "same-b", "none"], Priced.Search(new CatalogQuery { Sort = CatalogSort.Name }).Ids());

    [Fact]
    public void Pages_are_one_based_and_follow_each_other()
    {
        var pages = Enumerable.Range(1, 3)
            .Select(page => Dated.Search(new CatalogQuery { Page = page, PageSize = 2 }).Ids())
            .ToList();

        Assert.Equal(["newest", "middle"], pages[0]);
        Assert.Equal(["a", "b"], pages[1]);
        Assert.Empty(pages[2]);
    }

    [Fact]
    public void A_page_past_the_end_has_no_items_but_the_right_total()
    {
        var result = Dated.Search(new CatalogQuery { Page = 1_000_000_000, PageSize = CatalogQuery.MaxPageSize });

        Assert.Empty(result.Items);
        Assert.Equal(4, result.Total);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(-5, 1)]
    [InlineData(1000, CatalogQuery.MaxPageSize)]
    public void Page_size_is_clamped_to_one_through_the_maximum(int asked, int used)
    {
        var index = IndexOf(Enumerable.Range(0, 150).Select(i => Model($"e{i:000}")).ToArray());

        Assert.Equal(used, index.Search(new CatalogQuery { PageSize = asked }).Items.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void A_page_below_one_is_the_first_page(int page) =>
        Assert.Equal(["newest", "middle"], Dated.Search(new CatalogQuery { Page = page, PageSize = 2 }).Ids());

    [Fact]
    public void Hits_carry_the_entry_fields_a_result_row_shows()
    {
        var index = IndexOf(Model("a", "Vision") with { PartnerName = "Acme", Summary = "Sees", PriceMinor = 42, Currency = "EUR" });

        var hit = Assert.Single(index.Search(new CatalogQuery()).Items);

        Assert.Equal(new CatalogHit("a", Listings.ListingKind.Model, "Vision", "Acme", "Sees", 42, "EUR", 0), hit);
    }
}
