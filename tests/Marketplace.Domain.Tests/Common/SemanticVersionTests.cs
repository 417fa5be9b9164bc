using CsCheck;
using Marketplace.Domain.Common;

namespace Marketplace.Domain.Tests.Common;

public sealed class SemanticVersionTests
{
    [Theory]
    [InlineData("1.0.0", 1, 0, 0)]
    [InlineData("10.20.30", 10, 20, 30)]
    public void Parses_major_minor_patch(string text, int major, int minor, int patch) =>
        Assert.Equal(new SemanticVersion(major, minor, patch), SemanticVersion.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("1.0")]
    [InlineData("1.0.0.0")]
    [InlineData("01.0.0")]
    [InlineData("1.-1.0")]
    [InlineData("1.0.0-beta")]
    [InlineData("a.b.c")]
    public void Refuses_anything_else(string text) => Assert.False(SemanticVersion.TryParse(text, out _));

    [Fact]
    public void Orders_numerically_not_as_text()
    {
        Assert.True(SemanticVersion.Parse("1.10.0") > SemanticVersion.Parse("1.9.0"));
        Assert.Equal(new SemanticVersion(1, 3, 0), SemanticVersion.Parse("1.2.7").NextMinor());
    }

    [Fact]
    public void Round_trips_through_text() =>
        Gen.Select(Gen.Int[0, 99999], Gen.Int[0, 99999], Gen.Int[0, 99999]).Sample((a, b, c) =>
        {
            var version = new SemanticVersion(a, b, c);
            Assert.Equal(version, SemanticVersion.Parse(version.ToString()));
        });
}
