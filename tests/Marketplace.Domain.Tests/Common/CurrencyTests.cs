using Marketplace.Domain.Money;

namespace Marketplace.Domain.Tests.Common;

public sealed class CurrencyTests
{
    [Theory]
    [InlineData(5_000_000, "USD", "USD 50,000.00")]
    [InlineData(1, "USD", "USD 0.01")]
    [InlineData(1500, "JPY", "JPY 1,500")]
    public void Minor_units_format_with_the_currencys_digits(long minor, string code, string expected) =>
        Assert.Equal(expected, Currency.Format(minor, code));

    [Theory]
    [InlineData("0.08", "USD", "USD 0.0008")]
    [InlineData("0.003", "USD", "USD 0.00003")]
    [InlineData("1.5", "USD", "USD 0.015")]
    [InlineData("1234.5", "USD", "USD 12.35")]
    [InlineData("250", "USD", "USD 2.50")]
    [InlineData("0", "USD", "USD 0.00")]
    [InlineData("0.5", "JPY", "JPY 0.5")]
    [InlineData("12", "JPY", "JPY 12")]
    public void Fractions_of_a_minor_unit_keep_two_significant_figures(string minor, string code, string expected) =>
        Assert.Equal(expected, Currency.FormatFraction(decimal.Parse(minor, System.Globalization.CultureInfo.InvariantCulture), code));
}
