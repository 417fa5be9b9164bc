namespace Marketplace.Domain.Money;

/// <summary>
/// Splits an amount into parts by weights so the parts sum to it exactly: each part gets the floor
/// of its exact share, and the minor units left over go one each to the largest remainders, ties
/// broken by position (the earlier part first). Integer arithmetic only.
/// </summary>
public static class Splits
{
    public static long[] LargestRemainder(long amount, IReadOnlyList<long> weights)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        Int128 total = 0;
        for (var i = 0; i < weights.Count; i++)
        {
            var weight = weights[i];
            if (weight < 0)
            {
                throw new ArgumentException("Weights must be non-negative.", nameof(weights));
            }
            total += weight;
        }
        if (total == 0)
        {
            throw new ArgumentException("At least one weight must be positive.", nameof(weights));
        }
        var parts = new long[weights.Count];
        Span<Int128> remainders = weights.Count <= 32 ? stackalloc Int128[weights.Count] : new Int128[weights.Count];
        var left = amount;
        for (var i = 0; i < weights.Count; i++)
        {
            var (share, remainder) = Int128.DivRem((Int128)amount * weights[i], total);
            parts[i] = (long)share;
            remainders[i] = remainder;
            left -= parts[i];
        }
        // Fewer units are left over than there are parts with a remainder, so each round finds one.
        for (; left > 0; left--)
        {
            var largest = 0;
            for (var i = 1; i < remainders.Length; i++)
            {
                if (remainders[i] > remainders[largest])
                {
                    largest = i;
                }
            }
            parts[largest]++;
            remainders[largest] = -1;
        }
        return parts;
    }

    /// <summary>
    /// A partner's and the platform's parts of one line at a take rate in basis points: the
    /// two-part <see cref="LargestRemainder"/> (a tie gives the leftover unit to the partner), in
    /// closed form because every invoice line is split this way.
    /// </summary>
    public static (long Partner, long Platform) TakeRate(long amount, int takeRateBasisPoints)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        ArgumentOutOfRangeException.ThrowIfNegative(takeRateBasisPoints);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(takeRateBasisPoints, 10_000);
        var (partner, partnerRemainder) = Int128.DivRem((Int128)amount * (10_000 - takeRateBasisPoints), 10_000);
        var (platform, platformRemainder) = Int128.DivRem((Int128)amount * takeRateBasisPoints, 10_000);
        if (partner + platform < amount)
        {
            return partnerRemainder >= platformRemainder ? ((long)partner + 1, (long)platform) : ((long)partner, (long)platform + 1);
        }
        return ((long)partner, (long)platform);
    }
}
