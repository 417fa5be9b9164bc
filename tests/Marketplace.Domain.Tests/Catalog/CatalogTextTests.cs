using Marketplace.Domain.Catalog;

namespace Marketplace.Domain.Tests.Catalog;

public sealed class CatalogTextTests
{
    [Fact]
    public void Tokens_are_lower_case_runs_of_letters_and_digits() =>
        Assert.Equal(["llama", "3", "1", "8b", "on", "h200", "gpus"], CatalogText.Tokenize("Llama-3.1 8B, on H200 GPUs!"));

    [Fact]
    public void Every_CJK_ideograph_is_a_token_of_its_own() =>
        Assert.Equal(["gpu", "推", "論", "サーバー", "機", "械"], CatalogText.Tokenize("GPU推論サーバー機械"));

    [Fact]
    public void Ideographs_outside_the_basic_plane_are_tokens_too() =>
        Assert.Equal(["𠀀", "x"], CatalogText.Tokenize("𠀀x"));

    [Fact]
    public void Decomposed_accents_give_the_same_token_as_precomposed_ones() =>
        Assert.Equal(CatalogText.Tokenize("caf\u00e9"), CatalogText.Tokenize("cafe\u0301"));

    [Fact]
    public void Combining_marks_stay_inside_a_word() =>
        Assert.Equal(["हिन्दी"], CatalogText.Tokenize("हिन्दी"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  -- ,, !")]
    public void Text_without_letters_or_digits_has_no_tokens(string? text) => Assert.Empty(CatalogText.Tokenize(text));
}
