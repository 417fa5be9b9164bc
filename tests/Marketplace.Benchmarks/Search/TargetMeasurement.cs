namespace Marketplace.Benchmarks.Search;

/// <summary>Everything measured for one target: overall and per-category latency, the totals it reported, and the machine's load around it.</summary>
public sealed record TargetMeasurement(
    string Name,
    string LoadBeforeAndAfter,
    LatencyStats Overall,
    IReadOnlyDictionary<string, LatencyStats> ByCategory,
    IReadOnlyList<int?> Totals,
    (BenchQuery Query, double Ms) Slowest);
