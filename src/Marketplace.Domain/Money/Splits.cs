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
        if (weights.Count == 0 || weights.Any(w => w < 0))
        {
            throw new ArgumentException("Weights must be a non-empty list of non-negative numbers.", nameof(weights));
        }
        var total = weights.Aggregate(Int128.Zero, (sum, w) => sum + w);
        if (total == 0)
        {
            throw new ArgumentException("At least one weight must be positive.", nameof(weights));
        }
        var parts = new long[weights.Count];
        var remainders = new Int128[weights.Count];
        long given = 0;
        for (var i = 0; i < weights.Count; i++)
        {
            var (share, remainder) = Int128.DivRem((Int128)amount * weights[i], total);
            parts[i] = (long)share;
            remainders[i] = remainder;
            given += parts[i];
        }
        foreach (var i in Enumerable.Range(0, weights.Count).OrderByDescending(i => remainders[i]).ThenBy(i => i).Take((int)(amount - given)))
        {
            parts[i]++;
        }
        return parts;
    }

    /// <summary>A partner's and the platform's parts of one line at a take rate in basis points.</summary>
    public static (long Partner, long Platform) TakeRate(long amount, int takeRateBasisPoints)
    {
        var parts = LargestRemainder(amount, [10_000 - takeRateBasisPoints, takeRateBasisPoints]);
        return (parts[0], parts[1]);
    }
}
