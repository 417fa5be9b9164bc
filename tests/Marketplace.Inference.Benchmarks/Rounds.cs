using Marketplace.Inference.Benchmarking;

namespace Marketplace.Inference.Benchmarks;

/// <summary>
/// Measurements of each configuration taken in alternating rounds, so a burst of load from other
/// processes does not land on one side only; a configuration is read as its median round.
/// </summary>
internal sealed class Rounds<T>
{
    private readonly Dictionary<string, List<T>> _samples = [];

    /// <summary>Configurations in the order they were first measured.</summary>
    public IEnumerable<string> Keys => _samples.Keys;

    public IReadOnlyList<T> this[string key] => _samples[key];

    public bool Has(string key) => _samples.ContainsKey(key);

    public void Add(string key, T value)
    {
        if (!_samples.TryGetValue(key, out var list))
        {
            _samples[key] = list = [];
        }
        list.Add(value);
    }
}

internal static class Medians
{
    /// <summary>Each percentile's median over the rounds.</summary>
    public static LatencyStats Of(IReadOnlyList<LatencyStats> rounds) =>
        new(rounds.Sum(r => r.Samples), Of(rounds.Select(r => r.P50Ms)), Of(rounds.Select(r => r.P90Ms)), Of(rounds.Select(r => r.P99Ms)), Of(rounds.Select(r => r.MeanMs)));

    /// <summary>The median round by inferences per second.</summary>
    public static ThroughputStats Of(IReadOnlyList<ThroughputStats> rounds) =>
        rounds.OrderBy(r => r.InferencesPerSecond).ElementAt(rounds.Count / 2);

    public static double Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
