using Marketplace.Inference.Devices;
using Marketplace.Inference.Execution;
using Marketplace.Inference.Models;

namespace Marketplace.Inference.Benchmarking;

public sealed record ModelBenchmarkOptions
{
    public int Warmup { get; init; } = 20;

    public int LatencySamples { get; init; } = 200;

    public int Concurrency { get; init; } = 32;

    public TimeSpan ThroughputDuration { get; init; } = TimeSpan.FromSeconds(3);
}

/// <summary>A measurement of one model on one device; the sizing pages show it as measured.</summary>
public sealed record ModelBenchmarkResult
{
    public required ComputeDeviceInfo Device { get; init; }

    /// <summary>Sequential requests, batch 1.</summary>
    public required LatencyStats Latency { get; init; }

    /// <summary>N concurrent clients, each request run alone.</summary>
    public required ThroughputStats Unbatched { get; init; }

    /// <summary>N concurrent clients with micro-batching; null when the model cannot be batched.</summary>
    public ThroughputStats? Batched { get; init; }

    public double MaxInferencesPerSecond => Math.Max(Unbatched.InferencesPerSecond, Batched?.InferencesPerSecond ?? 0);

    public string Source => "Measured";
}

/// <summary>Measures a model on each device the engine has (the silo's benchmark job calls this).</summary>
public static class ModelBenchmark
{
    public static async Task<IReadOnlyList<ModelBenchmarkResult>> RunOnEveryDeviceAsync(InferenceEngine engine, ModelDescriptor model, ModelInput input, ModelBenchmarkOptions? options = null)
    {
        var results = new List<ModelBenchmarkResult>();
        foreach (var device in engine.Devices.Devices)
        {
            results.Add(await RunAsync(engine, model, input, device.Id, options).ConfigureAwait(false));
        }
        return results;
    }

    public static async Task<ModelBenchmarkResult> RunAsync(InferenceEngine engine, ModelDescriptor model, ModelInput input, string deviceId, ModelBenchmarkOptions? options = null)
    {
        options ??= new ModelBenchmarkOptions();
        var device = engine.Devices.Devices.Single(d => d.Id == deviceId);
        var alone = new EngineTrialTarget("unbatched", engine, model, input, new InferenceRequestOptions { DeviceId = deviceId, AllowBatching = false });
        var together = new EngineTrialTarget("batched", engine, model, input, new InferenceRequestOptions { DeviceId = deviceId });
        var latency = await LoadGenerator.MeasureLatencyAsync(alone, options.Warmup, options.LatencySamples).ConfigureAwait(false);
        var unbatched = LoadGenerator.MeasureThroughput(alone, options.Concurrency, options.ThroughputDuration);
        var batched = await engine.IsBatchedAsync(model, deviceId).ConfigureAwait(false)
            ? LoadGenerator.MeasureThroughput(together, options.Concurrency, options.ThroughputDuration)
            : null;
        return new ModelBenchmarkResult { Device = device, Latency = latency, Unbatched = unbatched, Batched = batched };
    }
}
