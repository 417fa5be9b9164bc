using CsCheck;
using Marketplace.Application.Common.Validation;

namespace Marketplace.Application.Tests;

public sealed class FieldNamesTests
{
    [Theory]
    [InlineData("Name", "name")]
    [InlineData("Pricing.Currency", "pricing.currency")]
    [InlineData("Industries[0]", "industries[0]")]
    [InlineData("Plans[2].PriceMinor", "plans[2].priceMinor")]
    [InlineData("", "body")]
    public void Validator_paths_become_json_body_paths(string property, string expected) =>
        Assert.Equal(expected, FieldNames.ToJsonPath(property));

    [Fact]
    public void Only_the_first_letter_of_each_segment_changes() =>
        Gen.String[Gen.Char.AlphaNumeric, 1, 12].Array[1, 4].Sample(segments =>
        {
            var path = FieldNames.ToJsonPath(string.Join('.', segments));
            var parts = path.Split('.');
            Assert.Equal(segments.Length, parts.Length);
            for (var i = 0; i < parts.Length; i++)
            {
                Assert.Equal(char.ToLowerInvariant(segments[i][0]), parts[i][0]);
                Assert.Equal(segments[i][1..], parts[i][1..]);
            }
        });
}
