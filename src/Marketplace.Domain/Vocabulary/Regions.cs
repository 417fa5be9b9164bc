using System.Globalization;

namespace Marketplace.Domain.Vocabulary;

/// <summary>
/// Where an offering is available: ISO 3166-1 alpha-2 country codes (upper case), or GLOBAL. The
/// countries come from the runtime's own region data, not from a list kept here.
/// </summary>
public static class Regions
{
    public const string Global = "GLOBAL";

    private static readonly Lazy<IReadOnlyDictionary<string, string>> Countries = new(() =>
        CultureInfo.GetCultures(CultureTypes.SpecificCultures)
            .Select(c => { try { return new RegionInfo(c.Name); } catch (ArgumentException) { return null; } })
            .OfType<RegionInfo>()
            .Where(r => r.TwoLetterISORegionName.Length == 2 && r.TwoLetterISORegionName.All(char.IsAsciiLetterUpper))
            .GroupBy(r => r.TwoLetterISORegionName)
            .ToDictionary(g => g.Key, g => g.First().EnglishName, StringComparer.Ordinal));

    /// <summary>GLOBAL first, then every country by name.</summary>
    public static IReadOnlyList<Term> All => [new(Global, "Global"), .. Countries.Value.OrderBy(c => c.Value, StringComparer.Ordinal).Select(c => new Term(c.Key, c.Value))];

    /// <summary>The code as stored (" de " → "DE"), or null when it is neither GLOBAL nor a country code.</summary>
    public static string? Normalize(string? value)
    {
        var code = value?.Trim().ToUpperInvariant();
        return code == Global || (code is { Length: 2 } && Countries.Value.ContainsKey(code)) ? code : null;
    }

    public static bool IsCountry(string? value) => value?.Trim().ToUpperInvariant() is { Length: 2 } code && Countries.Value.ContainsKey(code);

    public static string NameOf(string code) => code == Global ? "Global" : Countries.Value.GetValueOrDefault(code, code);
}
