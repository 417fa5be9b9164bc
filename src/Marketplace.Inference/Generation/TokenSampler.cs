namespace Marketplace.Inference.Generation;

/// <summary>
/// Picks the next token from one row of logits. Temperature 0 (or top-k 1) is greedy: the highest
/// logit, the lowest id on a tie. Otherwise logits are divided by the temperature, cut to the top k
/// and to the smallest set whose probability reaches top-p, and one is drawn with a seeded random
/// generator — candidates in a fixed order, so the same seed gives the same tokens. Floats are fine
/// here: nothing is money.
/// </summary>
internal sealed class TokenSampler(SamplingSettings settings, int seed)
{
    private readonly Random _random = new(seed);
    private (float Logit, int Id)[] _candidates = [];
    private double[] _weights = [];

    public bool IsGreedy => settings.Temperature <= 0 || settings.TopK == 1;

    public int Next(ReadOnlySpan<float> logits)
    {
        if (IsGreedy)
        {
            return ArgMax(logits);
        }
        var count = Candidates(logits);
        var candidates = _candidates.AsSpan(0, count);
        var temperature = settings.Temperature;
        var max = float.NegativeInfinity;
        foreach (var candidate in candidates)
        {
            max = MathF.Max(max, candidate.Logit);
        }
        if (_weights.Length < count)
        {
            _weights = new double[count];
        }
        var weights = _weights;
        double sum = 0;
        for (var i = 0; i < count; i++)
        {
            weights[i] = Math.Exp((candidates[i].Logit - max) / temperature);
            sum += weights[i];
        }
        if (settings.TopP is > 0 and < 1)
        {
            var kept = 0;
            double mass = 0;
            while (kept < count && mass < settings.TopP * sum)
            {
                mass += weights[kept++];
            }
            count = Math.Max(1, kept);
            sum = mass;
        }
        var draw = _random.NextDouble() * sum;
        for (var i = 0; i < count; i++)
        {
            draw -= weights[i];
            if (draw < 0)
            {
                return candidates[i].Id;
            }
        }
        return candidates[count - 1].Id;
    }

    public static int ArgMax(ReadOnlySpan<float> logits)
    {
        var best = 0;
        for (var i = 1; i < logits.Length; i++)
        {
            if (logits[i] > logits[best])
            {
                best = i;
            }
        }
        return best;
    }

    /// <summary>The top-k (or all) tokens in a fixed order; highest logit first when top-p needs it.</summary>
    private int Candidates(ReadOnlySpan<float> logits)
    {
        if (_candidates.Length < logits.Length)
        {
            _candidates = new (float, int)[logits.Length];
        }
        for (var i = 0; i < logits.Length; i++)
        {
            _candidates[i] = (logits[i], i);
        }
        var count = logits.Length;
        var all = _candidates.AsSpan(0, count);
        var k = settings.TopK > 0 ? Math.Min(settings.TopK, count) : count;
        if (k < count)
        {
            // Select the k best without sorting the whole vocabulary.
            var heap = new PriorityQueue<int, (float Logit, int Id)>(k + 1, Worst.Instance);
            for (var i = 0; i < count; i++)
            {
                heap.Enqueue(i, all[i]);
                if (heap.Count > k)
                {
                    heap.Dequeue();
                }
            }
            var chosen = new (float, int)[k];
            for (var i = 0; heap.TryDequeue(out var id, out _); i++)
            {
                chosen[i] = (logits[id], id);
            }
            chosen.CopyTo(all);
            count = k;
        }
        if (settings.TopP is > 0 and < 1)
        {
            // Only the nucleus cut needs an order; the full vocabulary is sorted only then.
            all[..count].Sort(BestFirst.Instance);
        }
        return count;
    }

    private sealed class BestFirst : IComparer<(float Logit, int Id)>
    {
        public static readonly BestFirst Instance = new();

        public int Compare((float Logit, int Id) x, (float Logit, int Id) y) =>
            x.Logit != y.Logit ? y.Logit.CompareTo(x.Logit) : x.Id.CompareTo(y.Id);
    }

    /// <summary>Orders the heap so the worst candidate leaves first.</summary>
    private sealed class Worst : IComparer<(float Logit, int Id)>
    {
        public static readonly Worst Instance = new();

        public int Compare((float Logit, int Id) x, (float Logit, int Id) y) => BestFirst.Instance.Compare(y, x);
    }
}

/// <summary>How the next token is chosen. The defaults are greedy.</summary>
public sealed record SamplingSettings
{
    /// <summary>0 is greedy; higher spreads the choice.</summary>
    public float Temperature { get; init; }

    /// <summary>Keep the most likely tokens until their probability reaches this (1 keeps all).</summary>
    public float TopP { get; init; } = 1f;

    /// <summary>Keep only this many most likely tokens (0 keeps all).</summary>
    public int TopK { get; init; }

    /// <summary>The same seed gives the same tokens; null picks one (reported in the result).</summary>
    public int? Seed { get; init; }
}
