using System.Diagnostics;

namespace Marketplace.Inference.Benchmarking;

/// <summary>Latency percentiles in milliseconds over sequential calls.</summary>
public sealed record LatencyStats(int Samples, double P50Ms, double P90Ms, double P99Ms, double MeanMs);

/// <summary>Inferences per second with a number of concurrent clients.</summary>
public sealed record ThroughputStats(int Concurrency, long Calls, double Inferences, double Seconds)
{
    public double InferencesPerSecond => Inferences / Seconds;
}

/// <summary>
/// Drives a target: one client in a loop for latency, N clients on their own threads for
/// throughput. Clients are threads, not tasks, so a target that blocks (raw ONNX Runtime) gets as
/// many callers as asked for instead of as many as the thread pool happens to have.
/// </summary>
public static class LoadGenerator
{
    public static async Task<LatencyStats> MeasureLatencyAsync(ITrialTarget target, int warmup, int samples)
    {
        for (var i = 0; i < warmup; i++)
        {
            await target.RunOnceAsync().ConfigureAwait(false);
        }
        var times = new double[samples];
        for (var i = 0; i < samples; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await target.RunOnceAsync().ConfigureAwait(false);
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        Array.Sort(times);
        return new LatencyStats(samples, Percentile(times, 0.50), Percentile(times, 0.90), Percentile(times, 0.99), times.Average());
    }

    public static ThroughputStats MeasureThroughput(ITrialTarget target, int concurrency, TimeSpan duration)
    {
        long calls = 0;
        double inferences = 0;
        var gate = new Lock();
        var started = Stopwatch.GetTimestamp();
        var threads = Enumerable.Range(0, concurrency).Select(_ => new Thread(() =>
        {
            long myCalls = 0;
            double myInferences = 0;
            while (Stopwatch.GetElapsedTime(started) < duration)
            {
                myInferences += target.RunOnceAsync().GetAwaiter().GetResult();
                myCalls++;
            }
            lock (gate)
            {
                calls += myCalls;
                inferences += myInferences;
            }
        })
        { IsBackground = true }).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        return new ThroughputStats(concurrency, calls, inferences, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    /// <summary>Nearest-rank percentile of sorted samples.</summary>
    public static double Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }
        var rank = (int)Math.Ceiling(p * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}
