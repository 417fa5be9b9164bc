using CsCheck;
using Marketplace.Domain.Money;

namespace Marketplace.Domain.Tests.Solutions;

public sealed class MoneyTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(10_000, "EUR", "USD", 1_085_000, 10_850)]      // 100.00 EUR → 108.50 USD
    [InlineData(10_000, "USD", "JPY", 150_250_000, 15_025)]   // 100.00 USD → 15,025 JPY (0 digits)
    [InlineData(15_025, "JPY", "USD", 6_656, 10_001)]         // 15,025 JPY at 0.006656 → 100.006 USD → 100.01
    [InlineData(1, "USD", "EUR", 921_659, 1)]                 // 0.01 USD → 0.0092 EUR rounds to 0.01
    public void Conversion_uses_the_table_in_integer_arithmetic_with_each_currencys_exponent(long minor, string from, string to, long micros, long expected)
    {
        var rates = new ExchangeRates([new ExchangeRate(from, to, micros, At)]);

        Assert.Equal(expected, rates.Convert(minor, from, to));
    }

    [Fact]
    public void A_rate_is_used_in_the_other_direction_too_and_a_missing_pair_cannot_convert()
    {
        var rates = new ExchangeRates([new ExchangeRate("EUR", "USD", 1_250_000, At)]);

        Assert.Equal(8_000, rates.Convert(10_000, "USD", "EUR"));
        Assert.False(rates.CanConvert("GBP", "USD"));
        Assert.Throws<InvalidOperationException>(() => rates.Convert(1, "GBP", "USD"));
    }

    [Fact]
    public void Largest_remainder_parts_always_sum_exactly_and_each_is_within_one_minor_unit_of_exact() =>
        Gen.Select(Gen.Long[0, 10_000_000_000], Gen.Long[0, 1_000_000].Array[1, 6])
            .Where((_, w) => w.Any(x => x > 0))
            .Sample((amount, weights) =>
            {
                var parts = Splits.LargestRemainder(amount, weights);
                Assert.Equal(amount, parts.Sum());
                var total = weights.Sum();
                for (var i = 0; i < weights.Length; i++)
                {
                    var exact = (decimal)amount * weights[i] / total;
                    Assert.True(Math.Abs(parts[i] - exact) < 1, $"part {parts[i]} vs exact {exact}");
                }
            });

    [Fact]
    public void Ties_go_to_the_earlier_part()
    {
        Assert.Equal([34, 33, 33], Splits.LargestRemainder(100, [1, 1, 1]));
        Assert.Equal((9_000, 1_000), Splits.TakeRate(10_000, 1000));
        Assert.Equal((1, 0), Splits.TakeRate(1, 1000));
    }

    [Fact]
    public void The_take_rate_split_is_the_two_part_largest_remainder() =>
        Gen.Select(Gen.Long[0, 10_000_000_000], Gen.Int[0, 10_000])
            .Sample((amount, basisPoints) =>
            {
                var parts = Splits.LargestRemainder(amount, [10_000 - basisPoints, basisPoints]);
                Assert.Equal((parts[0], parts[1]), Splits.TakeRate(amount, basisPoints));
            });

    [Fact]
    public void A_take_rate_outside_0_to_10000_basis_points_is_an_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Splits.TakeRate(100, 10_001));
        Assert.Throws<ArgumentOutOfRangeException>(() => Splits.TakeRate(100, -1));
    }
}
