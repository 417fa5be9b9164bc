using CsCheck;
using Marketplace.Inference.Benchmarking;
using Marketplace.Inference.Models;

namespace Marketplace.Inference.Tests;

public sealed class BenchmarkingTests
{
    [Fact]
    public void Percentiles_are_nearest_rank_and_ordered()
    {
        Gen.Double[0, 1000].Array[1, 200].Sample(values =>
        {
            var sorted = values.Order().ToArray();
            var p50 = LoadGenerator.Percentile(sorted, 0.5);
            var p99 = LoadGenerator.Percentile(sorted, 0.99);
            return sorted.Contains(p50) && p50 <= p99 && p99 <= sorted[^1]
                && sorted.Count(v => v <= p50) >= Math.Ceiling(0.5 * sorted.Length);
        });
        Assert.Equal(50, LoadGenerator.Percentile([.. Enumerable.Range(1, 100).Select(i => (double)i)], 0.5));
        Assert.Equal(99, LoadGenerator.Percentile([.. Enumerable.Range(1, 100).Select(i => (double)i)], 0.99));
    }

    [Fact]
    public async Task Model_benchmark_measures_each_device_and_batches_a_batchable_model()
    {
        using var engine = new InferenceEngine(new InferenceEngineOptions { Discovery = new() { DisableCuda = true } });
        var model = TestModels.Tensors(TestModels.Linear());
        var input = ModelInput.FromTensors(TestModels.Tensor("x", [1, 3], 1, 2, 3));
        var options = new ModelBenchmarkOptions { Warmup = 2, LatencySamples = 20, Concurrency = 4, ThroughputDuration = TimeSpan.FromMilliseconds(200) };

        var result = Assert.Single(await ModelBenchmark.RunOnEveryDeviceAsync(engine, model, input, options));

        Assert.Equal("cpu", result.Device.Id);
        Assert.Equal(20, result.Latency.Samples);
        Assert.True(result.Latency.P50Ms <= result.Latency.P99Ms);
        Assert.True(result.Unbatched.Calls > 0);
        Assert.NotNull(result.Batched);
        Assert.Equal("Measured", result.Source);
    }
}
