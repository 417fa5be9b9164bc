using Bunit;
using Bunit.TestDoubles;
using Marketplace.Abstractions.Errors;
using Marketplace.Application.Catalog.Industries;
using Marketplace.Application.Catalog.Items;
using Marketplace.Application.Catalog.Search;
using Marketplace.Domain.Catalog;
using Marketplace.Domain.Listings;
using Marketplace.Portal.Pages.Catalog;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Portal.Tests;

/// <summary>The catalog's search box: the address follows what is searched, and Back and Forward move between searches.</summary>
public sealed class CatalogSearchTests : PortalTest
{
    public CatalogSearchTests() =>
        Mediator.Returns<ListIndustries>(TestData.Industries)
            .Returns<SearchCatalog>(TestData.Result([TestData.Hit("lst_a", ListingKind.Model)], new()
            {
                [CatalogFacets.Industry] = new Dictionary<string, int> { ["finance"] = 1 },
            }));

    private BunitNavigationManager History => Context.Services.GetRequiredService<BunitNavigationManager>();

    [Fact]
    public void The_search_box_is_a_plain_get_form_that_keeps_the_other_filters_so_enter_works_before_the_page_is_live()
    {
        Mediator.Throws<GetCatalogItem>(new NotFoundException("Listing", "lst_a"));
        Navigation.NavigateTo("/catalog?q=old&industry=finance&industry=energy&sort=name&page=3&compare=lst_a");

        var page = Render<CatalogPage>();

        var form = page.Find("form[data-testid='catalog-search-form']");
        Assert.Equal(("/catalog", "get", "search"), (form.GetAttribute("action"), form.GetAttribute("method"), form.GetAttribute("role")));
        // A new search starts on page 1 and replaces the words; everything else travels along.
        Assert.Equal(
            [("industry", "finance"), ("industry", "energy"), ("sort", "name"), ("compare", "lst_a")],
            form.QuerySelectorAll("input[type='hidden']").Select(i => (i.GetAttribute("name"), i.GetAttribute("value"))));
        var box = form.QuerySelector("input[data-testid='catalog-search']")!;
        Assert.Equal(("q", "catalog-search", "Search the catalog"), (box.GetAttribute("name"), box.GetAttribute("data-early-input"), box.GetAttribute("aria-label")));
    }

    [Fact]
    public void Typing_searches_and_adds_a_history_entry_and_refining_the_same_words_replaces_it()
    {
        var page = Render<CatalogPage>();
        var box = page.Find("input[data-testid='catalog-search']");

        box.Input("res");
        page.WaitForAssertion(() => Assert.Equal("res", Mediator.SentOf<SearchCatalog>()[^1].Query.Text));
        box.Input("resnet");
        page.WaitForAssertion(() => Assert.Equal("resnet", Mediator.SentOf<SearchCatalog>()[^1].Query.Text));
        box.Input("bert");
        page.WaitForAssertion(() => Assert.Equal("bert", Mediator.SentOf<SearchCatalog>()[^1].Query.Text));
        page.Find("[data-testid='facet-industry-finance'] input").Change(true);
        page.WaitForAssertion(() => Assert.Equal(["finance"], Mediator.SentOf<SearchCatalog>()[^1].Query.Industries));

        // Newest first: the facet and "bert" are new entries; "resnet" took the place of "res".
        Assert.Equal(
            [("/catalog?q=bert&industry=finance", false), ("/catalog?q=bert", false), ("/catalog?q=resnet", true)],
            History.History.Select(h => (h.Uri, h.Options.ReplaceHistoryEntry)));
    }

    [Fact]
    public void Enter_searches_at_once_without_waiting_for_the_typing_pause()
    {
        var page = Render<CatalogPage>();
        page.WaitForAssertion(() => Assert.Single(Mediator.SentOf<SearchCatalog>()));

        page.Find("input[data-testid='catalog-search']").Input("whisper");
        page.Find("form[data-testid='catalog-search-form']").Submit();

        // Submit runs synchronously in the renderer: the search is sent before the 350 ms pause could elapse.
        Assert.Equal("whisper", Mediator.SentOf<SearchCatalog>()[^1].Query.Text);
        Assert.Equal("http://localhost/catalog?q=whisper", Navigation.Uri);
    }

    [Fact]
    public void Going_back_to_an_earlier_address_shows_that_search_in_the_box_and_the_results()
    {
        Navigation.NavigateTo("/catalog?q=bert&industry=finance");
        var page = Render<CatalogPage>();
        page.WaitForAssertion(() => Assert.Equal("bert", page.Find("input[data-testid='catalog-search']").GetAttribute("value")));

        // What Back does: the address changes underneath the page.
        Navigation.NavigateTo("/catalog?q=resnet");

        page.WaitForAssertion(() => Assert.Equal("resnet", page.Find("input[data-testid='catalog-search']").GetAttribute("value")));
        var last = Mediator.SentOf<SearchCatalog>()[^1].Query;
        Assert.Equal(("resnet", 0), (last.Text, last.Industries.Count));
    }

    [Fact]
    public void Words_typed_before_the_page_went_live_are_searched_once_it_is_keeping_the_address_filters()
    {
        var early = Context.JSInterop.Setup<string?>("marketplacePortal.takeEarlyInput", "catalog-search").SetResult("resnet ");
        Navigation.NavigateTo("/catalog?kind=model");

        var page = Render<CatalogPage>();

        page.WaitForAssertion(() => Assert.Equal("resnet", Mediator.SentOf<SearchCatalog>()[^1].Query.Text));
        Assert.Equal([ListingKind.Model], Mediator.SentOf<SearchCatalog>()[^1].Query.Kinds);
        Assert.Single(early.Invocations);
        Assert.Equal(("/catalog?q=resnet&kind=model", false), (History.History.First().Uri, History.History.First().Options.ReplaceHistoryEntry));
        Assert.Equal("resnet ", page.Find("input[data-testid='catalog-search']").GetAttribute("value"));
    }

    [Fact]
    public void With_nothing_typed_before_the_page_went_live_the_address_stays_as_it_was()
    {
        var early = Context.JSInterop.Setup<string?>("marketplacePortal.takeEarlyInput", "catalog-search").SetResult(null);
        Navigation.NavigateTo("/catalog?kind=model");

        var page = Render<CatalogPage>();

        page.WaitForAssertion(() => Assert.Single(Mediator.SentOf<SearchCatalog>()));
        Assert.Null(Mediator.SentOf<SearchCatalog>()[0].Query.Text);
        Assert.Single(early.Invocations);
        Assert.Equal("http://localhost/catalog?kind=model", Navigation.Uri);
    }

    [Theory]
    [InlineData("res", "resnet", true)]
    [InlineData("resnet", "resn", true)]
    [InlineData("ResNet", "resnet-50", true)]
    [InlineData("resnet", "bert", false)]
    [InlineData(null, "bert", false)]
    [InlineData("bert", null, false)]
    public void Refining_means_one_text_starts_with_the_other(string? previous, string? next, bool refines) =>
        Assert.Equal(refines, CatalogState.Refines(previous, next));
}
