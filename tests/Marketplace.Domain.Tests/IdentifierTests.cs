using CsCheck;
using Marketplace.Domain.Common;

namespace Marketplace.Domain.Tests;

public sealed class IdentifierTests
{
    [Fact]
    public void New_ids_carry_their_prefix_and_are_recognised()
    {
        var id = Identifiers.New("org");

        Assert.StartsWith("org_", id);
        Assert.Equal(28, id.Length);
        Assert.True(Identifiers.LooksLike(id, "org"));
        Assert.False(Identifiers.LooksLike(id, "key"));
    }

    [Fact]
    public void New_ids_do_not_repeat()
    {
        var ids = Enumerable.Range(0, 10_000).Select(_ => Identifiers.New("x")).ToHashSet();

        Assert.Equal(10_000, ids.Count);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("org_")]
    [InlineData("org")]
    [InlineData("org_ABC")]
    [InlineData("org_a/b")]
    [InlineData("key_abc")]
    public void Garbage_is_not_an_id(string? value) => Assert.False(Identifiers.LooksLike(value, "org"));

    [Fact]
    public void Nothing_longer_than_64_characters_is_an_id() =>
        Gen.String[Gen.Char['a', 'z'], 61, 200].Sample(tail => Assert.False(Identifiers.LooksLike("org_" + tail, "org")));

    [Fact]
    public void Api_key_secrets_are_url_safe_and_hash_to_64_hex_digits()
    {
        var secret = SecretHash.NewApiKeySecret();

        Assert.StartsWith("mk_", secret);
        Assert.DoesNotContain(secret, c => c is '+' or '/' or '=');
        Assert.Matches("^[0-9a-f]{64}$", SecretHash.Sha256Hex(secret));
        Assert.Equal(SecretHash.Sha256Hex(secret), SecretHash.Sha256Hex(secret));
        Assert.NotEqual(SecretHash.Sha256Hex(secret), SecretHash.Sha256Hex(SecretHash.NewApiKeySecret()));
    }
}
