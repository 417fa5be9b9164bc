namespace Marketplace.Domain.Catalog.Indexing;

/// <summary>
/// The first 8 characters of a name, upper-cased ASCII packed into one number, so most name
/// comparisons are one integer comparison. Ordinal-ignore-case upper-cases before comparing, so
/// for ASCII the packed order is its order; a name with other characters in its first 8 gets
/// <see cref="Unknown"/> and is compared in full, as are names whose keys are equal.
/// </summary>
internal static class NameSortKey
{
    public const ulong Unknown = ulong.MaxValue;

    public static ulong Of(string name)
    {
        var key = 0UL;
        for (var i = 0; i < 8; i++)
        {
            var c = i < name.Length ? name[i] : '\0';
            if (c > 0x7F)
            {
                return Unknown;
            }
            key = (key << 8) | char.ToUpperInvariant(c);
        }
        return key;
    }

    /// <summary>Negative, zero or positive as <paramref name="a"/> sorts before, with or after <paramref name="b"/>.</summary>
    public static int Compare(ulong aKey, string a, ulong bKey, string b) =>
        aKey != bKey && aKey != Unknown && bKey != Unknown
            ? aKey < bKey ? -1 : 1
            : string.Compare(a, b, StringComparison.OrdinalIgnoreCase);
}
