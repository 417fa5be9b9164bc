using Marketplace.Domain.Catalog;
using static Marketplace.Domain.Tests.Catalog.TestEntries;

namespace Marketplace.Domain.Tests.Catalog;

public sealed class CatalogIndexMaintenanceTests
{
    [Fact]
    public void Upsert_inserts_then_replaces_by_id()
    {
        var index = new CatalogIndex();

        index.Upsert(Model("a", "First"));
        index.Upsert(Model("b", "Second"));
        index.Upsert(Model("a", "Renamed"));

        Assert.Equal(2, index.Count);
        Assert.Equal("Renamed", index.Get("a")!.Name);
    }

    [Fact]
    public void A_replaced_entry_is_found_by_its_new_words_only()
    {
        var index = IndexOf(Model("a", "Vision"));

        index.Upsert(Model("a", "Speech"));

        Assert.Equal(0, index.Search(new CatalogQuery { Text = "vision" }).Total);
        Assert.Equal(["a"], index.Search(new CatalogQuery { Text = "speech" }).Ids());
    }

    [Fact]
    public void Remove_says_whether_the_entry_was_there()
    {
        var index = IndexOf(Model("a"));

        Assert.True(index.Remove("a"));
        Assert.False(index.Remove("a"));
        Assert.Null(index.Get("a"));
        Assert.Equal(0, index.Count);
        Assert.Equal(0, index.Search(new CatalogQuery()).Total);
    }

    [Fact]
    public void ReplaceAll_keeps_exactly_the_given_entries_and_the_last_of_equal_ids()
    {
        var index = IndexOf(Model("old"));

        index.ReplaceAll([Model("a", "First"), Model("b"), Model("a", "Last")]);

        Assert.Equal(2, index.Count);
        Assert.Null(index.Get("old"));
        Assert.Equal("Last", index.Get("a")!.Name);
    }

    [Fact]
    public void Get_by_ids_keeps_the_order_asked_and_leaves_out_unknown_ids()
    {
        var index = IndexOf(Model("a"), Model("b"), Model("c"));

        Assert.Equal(["c", "a"], index.Get(["c", "missing", "a"]).Select(e => e.Id));
    }

    [Fact]
    public void Ids_are_case_sensitive()
    {
        var index = IndexOf(Model("a"));

        Assert.Null(index.Get("A"));
        Assert.False(index.Remove("A"));
    }

    [Fact]
    public void Compaction_drops_dead_documents_and_keeps_every_live_entry_searchable()
    {
        var index = new CatalogIndex(minDeadBeforeCompaction: 4);
        for (var i = 0; i < 10; i++)
        {
            index.Upsert(Model("e" + i, "Vision " + i));
        }
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < 10; i += 2)
            {
                index.Upsert(Model("e" + i, "Speech " + i));
            }
        }

        Assert.True(index.DeadCount < 10, $"dead documents: {index.DeadCount}");
        Assert.Equal(10, index.Count);
        Assert.Equal(["e1", "e3", "e5", "e7", "e9"], index.Search(new CatalogQuery { Text = "vision", Sort = CatalogSort.Name }).Ids());
        Assert.Equal(["e0", "e2", "e4", "e6", "e8"], index.Search(new CatalogQuery { Text = "speech", Sort = CatalogSort.Name }).Ids());
    }

    [Fact]
    public void An_empty_index_answers_with_nothing_and_zero_kind_counts()
    {
        var result = new CatalogIndex().Search(new CatalogQuery { Text = "vision", Industries = ["finance"] });

        Assert.Equal(0, result.Total);
        Assert.Empty(result.Items);
        Assert.Equal(new Dictionary<string, int> { ["model"] = 0, ["integrator"] = 0, ["hardware"] = 0 }, result.Facets[CatalogFacets.Kind]);
    }
}
