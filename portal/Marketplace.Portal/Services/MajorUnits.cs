using System.Globalization;
using System.Text.RegularExpressions;
using Marketplace.Domain.Money;

namespace Marketplace.Portal.Services;

/// <summary>
/// Partners type prices in major units ("50,000.00"); the API takes integer minor units. Parsing is
/// exact (decimal, never floating point) and refuses what it would have to round or guess.
/// </summary>
public static partial class MajorUnits
{
    private const long MaxMinor = 10_000_000_000_000;

    /// <summary>The minor units a typed amount means, or an error to show; blank text means "not set".</summary>
    public static MajorParse Parse(string? text, string currency)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return new MajorParse(null, null);
        }
        if (!Currency.IsSupported(currency))
        {
            return new MajorParse(null, "Choose a currency first.");
        }
        // Commas only as thousands separators in their places, so "1,5" is not read as 15.
        if (trimmed.Length > 24 || !(Plain().IsMatch(trimmed) || Grouped().IsMatch(trimmed)))
        {
            return new MajorParse(null, "Enter an amount such as 50000 or 50,000.00.");
        }
        var major = decimal.Parse(trimmed.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        var digits = Currency.DigitsOf(currency);
        var minor = major * Pow10(digits);
        if (minor != decimal.Truncate(minor))
        {
            return new MajorParse(null, digits == 0
                ? $"{currency} has no minor units; enter a whole amount."
                : $"{currency} has {digits} decimal places; enter at most {digits}.");
        }
        if (minor > MaxMinor)
        {
            return new MajorParse(null, "The amount is too large.");
        }
        return new MajorParse((long)minor, null);
    }

    /// <summary>Minor units as the text a partner would type ("50000.00").</summary>
    public static string ToText(long minor, string currency)
    {
        var digits = Currency.IsSupported(currency) ? Currency.DigitsOf(currency) : 2;
        return (minor / Pow10(digits)).ToString("F" + digits, CultureInfo.InvariantCulture);
    }

    /// <summary>What the typed amount will be stored as, for the helper text under the field.</summary>
    public static string? Meaning(string? text, string currency) =>
        Parse(text, currency) is { Minor: { } minor }
            ? $"= {Currency.Format(minor, currency)} ({minor.ToString("N0", CultureInfo.InvariantCulture)} minor units)"
            : null;

    private static decimal Pow10(int digits)
    {
        var unit = 1m;
        for (var i = 0; i < digits; i++)
        {
            unit *= 10;
        }
        return unit;
    }

    [GeneratedRegex(@"^\d+(\.\d+)?$")]
    private static partial Regex Plain();

    [GeneratedRegex(@"^\d{1,3}(,\d{3})+(\.\d+)?$")]
    private static partial Regex Grouped();
}

/// <summary>A parsed amount: <see cref="Minor"/> when valid and set, <see cref="Error"/> when not valid.</summary>
public sealed record MajorParse(long? Minor, string? Error);
