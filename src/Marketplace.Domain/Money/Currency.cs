namespace Marketplace.Domain.Money;

/// <summary>
/// ISO 4217 currencies the marketplace prices in, with their minor-unit digits (the exponent):
/// JPY and KRW have none, most have two, the Gulf dinars three. Money is a <c>long</c> of minor units;
/// major units exist only for people to read, and are produced with exact decimal powers of ten.
/// </summary>
public static class Currency
{
    private static readonly Dictionary<string, int> MinorDigits = new(StringComparer.Ordinal)
    {
        ["USD"] = 2, ["EUR"] = 2, ["GBP"] = 2, ["CNY"] = 2, ["JPY"] = 0, ["CHF"] = 2,
        ["CAD"] = 2, ["AUD"] = 2, ["SGD"] = 2, ["HKD"] = 2, ["INR"] = 2, ["KRW"] = 0,
        ["KWD"] = 3, ["BHD"] = 3, ["OMR"] = 3, ["AED"] = 2, ["SAR"] = 2, ["SEK"] = 2,
    };

    /// <summary>10^0 … 10^28: every power of ten a decimal holds exactly, so no power is ever computed in binary floating point.</summary>
    private static readonly decimal[] PowersOfTen = TenToThe(28);

    private static readonly string[] GroupedFormats = ["N0", "N1", "N2", "N3", "N4"];

    public static IReadOnlyCollection<string> Supported => MinorDigits.Keys;

    public static bool IsSupported(string? code) => code is not null && MinorDigits.ContainsKey(code);

    public static int DigitsOf(string code) =>
        MinorDigits.TryGetValue(code, out var digits) ? digits : throw new ArgumentException($"Unsupported currency '{code}'.", nameof(code));

    /// <summary>Minor units in one major unit: 1 for JPY, 100 for USD, 1,000 for KWD.</summary>
    public static long MinorPerMajor(string code) => (long)PowersOfTen[DigitsOf(code)];

    /// <summary>Formats minor units for people: "USD 50,000.00". Invariant culture, never "¤".</summary>
    public static string Format(long minor, string code)
    {
        var digits = DigitsOf(code);
        var major = minor / PowersOfTen[digits];
        return $"{code} {major.ToString(GroupedFormats[digits], System.Globalization.CultureInfo.InvariantCulture)}";
    }

    /// <summary>
    /// Formats a fraction of a minor unit for people, with at least the currency's digits and as many
    /// more as two significant figures need: a per-inference price of 0.08 cents is "USD 0.0008",
    /// not "USD 0.00".
    /// </summary>
    public static string FormatFraction(decimal minor, string code)
    {
        var digits = DigitsOf(code);
        var major = minor / PowersOfTen[digits];
        var decimals = digits;
        while (major != 0 && decimals < 12 && Math.Abs(major) * PowersOfTen[decimals] < 10)
        {
            decimals++;
        }
        var format = decimals == 0 ? "#,##0" : "#,##0." + new string('0', digits) + new string('#', decimals - digits);
        return code + " " + Math.Round(major, decimals, MidpointRounding.AwayFromZero).ToString(format, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static decimal[] TenToThe(int highest)
    {
        var powers = new decimal[highest + 1];
        powers[0] = 1m;
        for (var n = 1; n <= highest; n++)
        {
            powers[n] = powers[n - 1] * 10m;
        }
        return powers;
    }
}
