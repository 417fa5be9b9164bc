using Marketplace.Domain.Catalog;
using static Marketplace.Domain.Tests.Catalog.TestEntries;

namespace Marketplace.Domain.Tests.Catalog;

public sealed class CatalogTextSearchTests
{
    private static List<string> Found(CatalogIndex index, string text) =>
        index.Search(new CatalogQuery { Text = text, Sort = CatalogSort.Name }).Ids();

    [Fact]
    public void Every_query_word_must_match()
    {
        var index = IndexOf(Model("both", "Vision Transformer"), Model("one", "Vision Mamba"));

        Assert.Equal(["both"], Found(index, "vision transformer"));
    }

    [Fact]
    public void A_query_word_matches_the_tokens_it_is_a_prefix_of()
    {
        var index = IndexOf(Model("vision", "Vision"), Model("visual", "Visual"), Model("revision", "Revision"));

        Assert.Equal(["vision", "visual"], Found(index, "vis"));
        Assert.Empty(Found(index, "ision"));
    }

    [Fact]
    public void Query_words_match_whatever_their_case()
    {
        var index = IndexOf(Model("a", "LLaMA"));

        Assert.Equal(["a"], Found(index, "Llama"));
    }

    [Fact]
    public void A_CJK_query_finds_a_word_inside_a_run_of_ideographs()
    {
        var index = IndexOf(Model("a", "機械学習モデル"));

        Assert.Equal(["a"], Found(index, "学習"));
    }

    public static TheoryData<string, CatalogEntry> SearchedFields => new()
    {
        { "name", Model("x", "Needle") },
        { "partner", Model("x") with { PartnerName = "Needle Labs" } },
        { "summary", Model("x") with { Summary = "a needle in a haystack" } },
        { "tags", Model("x") with { Tags = ["needle"] } },
        { "industries", Model("x") with { Industries = ["needle"] } },
        { "task", Model("x") with { Task = "needle-detection" } },
        { "capabilities", Integrator("x") with { Capabilities = ["needle"] } },
        { "accelerator type", Hardware("x") with { AcceleratorType = "Needle X1" } },
        { "license", Model("x") with { License = "needle-1.0" } },
        { "modality", Model("x") with { Modality = "needle" } },
    };

    [Theory]
    [MemberData(nameof(SearchedFields))]
    public void Every_searched_field_is_searched(string field, CatalogEntry entry)
    {
        Assert.True(Found(IndexOf(entry), "needle").SequenceEqual(["x"]), field);
    }

    [Fact]
    public void Id_partner_id_and_version_are_not_searched()
    {
        var index = IndexOf(Model("needle1") with { PartnerId = "needle2", Version = "needle3" });

        Assert.Empty(Found(index, "needle"));
    }

    [Fact]
    public void Text_without_any_word_is_no_text()
    {
        var index = IndexOf(Model("a"), Model("b"));

        Assert.Equal(2, index.Search(new CatalogQuery { Text = " -- " }).Total);
    }

    [Fact]
    public void Score_is_the_sum_over_words_of_the_best_field_weight_times_idf()
    {
        var index = IndexOf(
            Model("a", "Vision") with { Summary = "vision gpu", Tags = ["gpu"] },
            Model("b", "Other") with { Summary = "vision" },
            Model("c", "Other"),
            Model("d", "Other"));

        var hit = Assert.Single(index.Search(new CatalogQuery { Text = "vision gpu" }).Items);

        // vision: in 2 of 4 entries, best field the name (3); gpu: in 1 of 4, best field the tags (2).
        var expected = (Math.Log(1 + (4.0 / 2)) * 3) + (Math.Log(1 + (4.0 / 1)) * 2);
        Assert.Equal(expected, hit.Score);
    }

    [Fact]
    public void A_match_in_the_name_ranks_above_one_in_the_summary()
    {
        var index = IndexOf(
            Model("summary", "Other") with { Summary = "vision", PublishedAt = Day0.AddDays(1) },
            Model("name", "Vision"));

        Assert.Equal(["name", "summary"], index.Search(new CatalogQuery { Text = "vision" }).Ids());
    }

    [Fact]
    public void A_rare_word_weighs_more_than_a_common_one()
    {
        var index = IndexOf(
            Model("common", "Other") with { Summary = "model" },
            Model("rare", "Other") with { Summary = "quantum" },
            Model("c", "Model"),
            Model("d", "Model"));

        var rare = index.Search(new CatalogQuery { Text = "quantum" }).Items.Single(i => i.Id == "rare");
        var common = index.Search(new CatalogQuery { Text = "model" }).Items.Single(i => i.Id == "common");

        Assert.True(rare.Score > common.Score, $"rare {rare.Score}, common {common.Score}");
    }

    [Fact]
    public void Relevance_ties_go_to_the_newest_then_the_lowest_id()
    {
        var index = IndexOf(
            Model("b", "Vision"),
            Model("a", "Vision"),
            Model("newest", "Vision") with { PublishedAt = Day0.AddDays(1) });

        Assert.Equal(["newest", "a", "b"], index.Search(new CatalogQuery { Text = "vision" }).Ids());
    }
}
