using System.Text;

namespace Marketplace.Domain.Catalog;

/// <summary>
/// How catalog text becomes search tokens, for indexing and for queries alike: lower case, split on
/// anything that is not a letter or digit, and every CJK ideograph a token of its own (those
/// scripts do not separate words with spaces, so a per-character token is what lets a query find
/// a word inside a longer run).
/// </summary>
public static class CatalogText
{
    public static IReadOnlyList<string> Tokenize(string? text)
    {
        var tokens = new List<string>();
        Tokenize(text, tokens);
        return tokens;
    }

    internal static void Tokenize(string? text, List<string> into)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }
        // Precomposed and decomposed accents must give the same token.
        if (!text.IsNormalized(NormalizationForm.FormC))
        {
            text = text.Normalize(NormalizationForm.FormC);
        }
        var current = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsIdeograph(rune))
            {
                Flush(current, into);
                into.Add(rune.ToString());
            }
            else if (Rune.IsLetterOrDigit(rune) || (current.Length > 0 && IsCombiningMark(rune)))
            {
                // Marks stay inside a word: many scripts (Devanagari, Thai) write vowels as marks.
                AppendLower(current, rune);
            }
            else
            {
                Flush(current, into);
            }
        }
        Flush(current, into);
    }

    internal static bool IsIdeograph(Rune rune) => rune.Value switch
    {
        >= 0x3400 and <= 0x4DBF => true,   // CJK Unified Ideographs Extension A
        >= 0x4E00 and <= 0x9FFF => true,   // CJK Unified Ideographs
        >= 0xF900 and <= 0xFAFF => true,   // CJK Compatibility Ideographs
        >= 0x20000 and <= 0x3FFFF => true, // planes 2 and 3 hold only ideographs
        _ => false,
    };

    private static bool IsCombiningMark(Rune rune) => Rune.GetUnicodeCategory(rune) is
        System.Globalization.UnicodeCategory.NonSpacingMark or
        System.Globalization.UnicodeCategory.SpacingCombiningMark or
        System.Globalization.UnicodeCategory.EnclosingMark;

    private static void AppendLower(StringBuilder current, Rune rune)
    {
        var lower = Rune.ToLowerInvariant(rune);
        if (lower.IsBmp)
        {
            current.Append((char)lower.Value);
            return;
        }
        Span<char> pair = stackalloc char[2];
        current.Append(pair[..lower.EncodeToUtf16(pair)]);
    }

    private static void Flush(StringBuilder current, List<string> into)
    {
        if (current.Length > 0)
        {
            into.Add(current.ToString());
            current.Clear();
        }
    }
}
