using CsCheck;
using Marketplace.Domain.Listings;
using Marketplace.Inference.Benchmarking;
using Marketplace.Inference.Models;

namespace Marketplace.Inference.Tests;

public sealed class BenchmarkingTests
{
    [Fact]
    public void Roofline_is_memory_bound_at_batch_one_and_compute_bound_when_batched()
    {
        var cost = new ModelCost(FlopsPerInference: 2e9, WeightBytes: 1e8);

        var single = RooflineEstimator.Estimate(cost, "test accelerator", peakTflops: 100, memoryBandwidthGbps: 1000);
        var batched = RooflineEstimator.Estimate(cost, "test accelerator", peakTflops: 100, memoryBandwidthGbps: 1000, batchSize: 8);

        Assert.Equal((50_000d, 10_000d, 10_000d, "memory", 20d), (single.ComputeBoundPerSecond, single.MemoryBoundPerSecond, single.EstimatedInferencesPerSecond, single.BoundBy, single.ArithmeticIntensity));
        Assert.Equal((80_000d, 50_000d, "compute"), (batched.MemoryBoundPerSecond, batched.EstimatedInferencesPerSecond, batched.BoundBy));
        Assert.Equal("Estimated (roofline)", single.Source);
    }

    [Fact]
    public void Roofline_for_a_listed_accelerator_uses_its_fp16_peak_and_bandwidth()
    {
        var hardware = new HardwareSpec { AcceleratorType = "Example GPU", PeakBf16Tflops = 400, PeakFp16Tflops = 500, MemoryBandwidthGbps = 2000 };

        var estimate = RooflineEstimator.Estimate(ModelCost.FromParameters(1_000_000, 2, tokensPerInference: 10), hardware);

        // 2 × 1M × 10 = 2e7 FLOPs; 2e6 weight bytes.
        Assert.Equal((500e12 / 2e7, 2000e9 / 2e6), (estimate.ComputeBoundPerSecond, estimate.MemoryBoundPerSecond));
        Assert.Equal("Example GPU", estimate.Hardware);
    }

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
