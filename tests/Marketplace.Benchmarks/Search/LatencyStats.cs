namespace Marketplace.Benchmarks.Search;

/// <summary>Latency percentiles (nearest rank) and sequential throughput of one target's measured runs.</summary>
public sealed record LatencyStats(int Count, double P50Ms, double P90Ms, double P99Ms, double MaxMs, double MeanMs, double QueriesPerSecond)
{
    public static LatencyStats Of(IReadOnlyCollection<TimeSpan> latencies, TimeSpan wall)
    {
        var sorted = latencies.Select(l => l.TotalMilliseconds).Order().ToArray();
        double Percentile(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new LatencyStats(sorted.Length, Percentile(0.50), Percentile(0.90), Percentile(0.99), sorted[^1], sorted.Average(), sorted.Length / wall.TotalSeconds);
    }
}
