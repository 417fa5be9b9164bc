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

    /// <summary>Whether the keys alone order the names (then <paramref name="order"/> says how); otherwise the names must be compared.</summary>
    public static bool TryCompare(ulong aKey, ulong bKey, out int order)
    {
        order = aKey < bKey ? -1 : 1;
        return aKey != bKey && aKey != Unknown && bKey != Unknown;
    }
}
