using Marketplace.Domain.Money;

namespace Marketplace.Domain.Tests.Common;

public sealed class CurrencyTests
{
    [Theory]
    [InlineData(5_000_000, "USD", "USD 50,000.00")]
    [InlineData(1, "USD", "USD 0.01")]
    [InlineData(1500, "JPY", "JPY 1,500")]
    [InlineData(-1500, "JPY", "JPY -1,500")]
    [InlineData(1_234_567, "KWD", "KWD 1,234.567")]
    [InlineData(1, "KWD", "KWD 0.001")]
    [InlineData(long.MaxValue, "KWD", "KWD 9,223,372,036,854,775.807")]
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
    [InlineData("0.5", "KWD", "KWD 0.0005")]
    [InlineData("1234.5", "KWD", "KWD 1.235")]
    public void Fractions_of_a_minor_unit_keep_two_significant_figures(string minor, string code, string expected) =>
        Assert.Equal(expected, Currency.FormatFraction(decimal.Parse(minor, System.Globalization.CultureInfo.InvariantCulture), code));

    [Theory]
    [InlineData("JPY", 0, 1)]
    [InlineData("USD", 2, 100)]
    [InlineData("KWD", 3, 1_000)]
    [InlineData("BHD", 3, 1_000)]
    public void Each_currency_has_its_ISO_4217_exponent(string code, int digits, long minorPerMajor)
    {
        Assert.Contains(code, Currency.Supported);
        Assert.Equal(digits, Currency.DigitsOf(code));
        Assert.Equal(minorPerMajor, Currency.MinorPerMajor(code));
    }
}
