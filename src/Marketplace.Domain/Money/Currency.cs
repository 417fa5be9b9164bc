namespace Marketplace.Domain.Money;

/// <summary>ISO 4217 currencies the marketplace prices in, with their minor-unit digits.</summary>
public static class Currency
{
    private static readonly Dictionary<string, int> MinorDigits = new(StringComparer.Ordinal)
    {
        ["USD"] = 2, ["EUR"] = 2, ["GBP"] = 2, ["CNY"] = 2, ["JPY"] = 0, ["CHF"] = 2,
        ["CAD"] = 2, ["AUD"] = 2, ["SGD"] = 2, ["HKD"] = 2, ["INR"] = 2, ["KRW"] = 0,
    };

    public static IReadOnlyCollection<string> Supported => MinorDigits.Keys;

    public static bool IsSupported(string? code) => code is not null && MinorDigits.ContainsKey(code);

    public static int DigitsOf(string code) =>
        MinorDigits.TryGetValue(code, out var digits) ? digits : throw new ArgumentException($"Unsupported currency '{code}'.", nameof(code));

    /// <summary>Formats minor units for people: "USD 50,000.00". Invariant culture, never "¤".</summary>
    public static string Format(long minor, string code)
    {
        var digits = DigitsOf(code);
        var major = minor / (decimal)Math.Pow(10, digits);
        return code + " " + major.ToString("N" + digits, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Formats a fraction of a minor unit for people, with at least the currency's digits and as many
    /// more as two significant figures need: a per-inference price of 0.08 cents is "USD 0.0008",
    /// not "USD 0.00".
    /// </summary>
    public static string FormatFraction(decimal minor, string code)
    {
        var digits = DigitsOf(code);
        var major = minor / (decimal)Math.Pow(10, digits);
        var decimals = digits;
        while (major != 0 && decimals < 12 && Math.Abs(major) * (decimal)Math.Pow(10, decimals) < 10)
        {
            decimals++;
        }
        var format = decimals == 0 ? "#,##0" : "#,##0." + new string('0', digits) + new string('#', decimals - digits);
        return code + " " + Math.Round(major, decimals, MidpointRounding.AwayFromZero).ToString(format, System.Globalization.CultureInfo.InvariantCulture);
    }
}
