using System.Numerics;

namespace Marketplace.Domain.Catalog.Indexing;

/// <summary>
/// Operations on document bitsets (bit d set = document d is in the set). Stored bitsets grow on
/// demand, so they may be shorter than a query's working sets: missing words read as zero.
/// </summary>
internal static class Bits
{
    public static int WordsFor(int documents) => (documents + 63) >> 6;

    public static void Set(ref ulong[] bits, int doc)
    {
        var word = doc >> 6;
        if (word >= bits.Length)
        {
            Array.Resize(ref bits, Math.Max(word + 1, bits.Length * 2));
        }
        bits[word] |= 1UL << doc;
    }

    public static void Clear(ulong[] bits, int doc)
    {
        var word = doc >> 6;
        if (word < bits.Length)
        {
            bits[word] &= ~(1UL << doc);
        }
    }

    public static bool IsSet(ReadOnlySpan<ulong> bits, int doc)
    {
        var word = doc >> 6;
        return word < bits.Length && (bits[word] & (1UL << doc)) != 0;
    }

    /// <summary>target &amp;= other.</summary>
    public static void And(Span<ulong> target, ReadOnlySpan<ulong> other)
    {
        var shared = Math.Min(target.Length, other.Length);
        for (var i = 0; i < shared; i++)
        {
            target[i] &= other[i];
        }
        target[shared..].Clear();
    }

    /// <summary>target |= other.</summary>
    public static void Or(Span<ulong> target, ReadOnlySpan<ulong> other)
    {
        var shared = Math.Min(target.Length, other.Length);
        for (var i = 0; i < shared; i++)
        {
            target[i] |= other[i];
        }
    }

    public static int Count(ReadOnlySpan<ulong> bits)
    {
        var count = 0;
        foreach (var word in bits)
        {
            count += BitOperations.PopCount(word);
        }
        return count;
    }

    /// <summary>|a ∩ b|.</summary>
    public static int CountAnd(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        var shared = Math.Min(a.Length, b.Length);
        var count = 0;
        for (var i = 0; i < shared; i++)
        {
            count += BitOperations.PopCount(a[i] & b[i]);
        }
        return count;
    }

    /// <summary>|a ∩ (b ∪ c)|.</summary>
    public static int CountAndEither(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, ReadOnlySpan<ulong> c)
    {
        var count = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var either = (i < b.Length ? b[i] : 0) | (i < c.Length ? c[i] : 0);
            count += BitOperations.PopCount(a[i] & either);
        }
        return count;
    }
}
