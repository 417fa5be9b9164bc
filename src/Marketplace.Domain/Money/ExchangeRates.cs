namespace Marketplace.Domain.Money;

/// <summary>
/// One exchange rate an operator maintains: one unit of <see cref="From"/> is
/// <see cref="Micros"/> millionths of a unit of <see cref="To"/> (1.0850 EUR→USD is 1_085_000).
/// </summary>
public sealed record ExchangeRate(string From, string To, long Micros, DateTimeOffset SetAt);

/// <summary>
/// Converts minor units between currencies with the operator's table only, in integer arithmetic
/// (each currency's ISO 4217 exponent respected), rounding half away from zero. A pair without a
/// rate (in either direction) cannot be converted: quotes say so rather than guess.
/// </summary>
public sealed class ExchangeRates
{
    private readonly Dictionary<(string, string), ExchangeRate> _rates;

    public ExchangeRates(IEnumerable<ExchangeRate> rates) =>
        _rates = rates.Where(r => r.Micros > 0).ToDictionary(r => (r.From, r.To));

    public static ExchangeRates None { get; } = new([]);

    public IReadOnlyCollection<ExchangeRate> All => _rates.Values;

    public bool CanConvert(string from, string to) => from == to || _rates.ContainsKey((from, to)) || _rates.ContainsKey((to, from));

    /// <summary>The rate used from one currency to another, for the quote to state; null for the same currency.</summary>
    public ExchangeRate? RateFor(string from, string to) =>
        from == to ? null : _rates.GetValueOrDefault((from, to)) ?? _rates.GetValueOrDefault((to, from));

    public long Convert(long minor, string from, string to)
    {
        if (from == to)
        {
            return minor;
        }
        var scale = Int128.One;
        var exponent = Currency.DigitsOf(to) - Currency.DigitsOf(from);
        for (var i = 0; i < Math.Abs(exponent); i++)
        {
            scale *= 10;
        }
        if (_rates.TryGetValue((from, to), out var direct))
        {
            // minor × rate ÷ 10^6, shifted by the difference in minor-unit digits.
            return exponent >= 0 ? Divide((Int128)minor * direct.Micros * scale, 1_000_000) : Divide((Int128)minor * direct.Micros, 1_000_000 * scale);
        }
        if (_rates.TryGetValue((to, from), out var inverse))
        {
            return exponent >= 0 ? Divide((Int128)minor * 1_000_000 * scale, inverse.Micros) : Divide((Int128)minor * 1_000_000, inverse.Micros * scale);
        }
        throw new InvalidOperationException($"No exchange rate from {from} to {to}.");
    }

    /// <summary>Rounds half away from zero.</summary>
    public static long Divide(Int128 numerator, Int128 denominator)
    {
        var quotient = Int128.DivRem(numerator, denominator);
        var twiceRemainder = Int128.Abs(quotient.Remainder) * 2;
        var result = quotient.Quotient;
        if (twiceRemainder >= Int128.Abs(denominator))
        {
            result += (numerator < 0) != (denominator < 0) ? -1 : 1;
        }
        return (long)result;
    }
}
