using Marketplace.Inference;
using Marketplace.Inference.Devices;
using Marketplace.Inference.Generation;
using Marketplace.Inference.Models;

namespace Marketplace.Host.Hosting;

/// <summary>
/// The inference engine's knobs as configuration (<c>Marketplace:Inference:*</c>); anything left
/// out keeps the engine's own default.
/// </summary>
public sealed class InferenceSettings
{
    public const string Section = "Marketplace:Inference";

    /// <summary>Never try CUDA, even where a GPU is present (the devices list says why).</summary>
    public bool DisableCuda { get; set; }

    public long? SessionMemoryBudgetMb { get; set; }

    public int? CpuConcurrency { get; set; }

    public int? CudaConcurrency { get; set; }

    public int? CpuIntraOpThreads { get; set; }

    public CpuSpinning? CpuSpinning { get; set; }

    public bool BatchingEnabled { get; set; } = true;

    public int? MaxBatch { get; set; }

    public double? MaxBatchDelayMs { get; set; }

    public double? DeadlineSeconds { get; set; }

    public bool WarmUp { get; set; } = true;

    /// <summary>Generations decoding together per model and device; more wait for a slot.</summary>
    public int? GenerationMaxBatchSize { get; set; }

    /// <summary>KV-cache memory all generations on one device may hold.</summary>
    public long? GenerationKvCacheMb { get; set; }

    public GenerationEngineOptions ToGenerationOptions()
    {
        var defaults = new GenerationEngineOptions();
        return new GenerationEngineOptions
        {
            Discovery = new DeviceDiscoveryOptions { DisableCuda = DisableCuda },
            MaxBatchSize = GenerationMaxBatchSize ?? defaults.MaxBatchSize,
            KvCacheBytesPerDevice = GenerationKvCacheMb is { } mb ? mb * 1024 * 1024 : defaults.KvCacheBytesPerDevice,
            CpuIntraOpThreads = CpuIntraOpThreads ?? defaults.CpuIntraOpThreads,
            CpuSpinning = CpuSpinning ?? defaults.CpuSpinning,
            WarmUp = WarmUp,
        };
    }

    public InferenceEngineOptions ToEngineOptions()
    {
        var defaults = new InferenceEngineOptions();
        var batching = new BatchingSettings();
        return new InferenceEngineOptions
        {
            Discovery = new DeviceDiscoveryOptions { DisableCuda = DisableCuda },
            SessionMemoryBudgetBytes = SessionMemoryBudgetMb is { } mb ? mb * 1024 * 1024 : defaults.SessionMemoryBudgetBytes,
            CpuConcurrency = CpuConcurrency ?? defaults.CpuConcurrency,
            CudaConcurrency = CudaConcurrency ?? defaults.CudaConcurrency,
            CpuIntraOpThreads = CpuIntraOpThreads ?? defaults.CpuIntraOpThreads,
            CpuSpinning = CpuSpinning ?? defaults.CpuSpinning,
            Batching = new BatchingSettings
            {
                Enabled = BatchingEnabled,
                MaxBatch = MaxBatch ?? batching.MaxBatch,
                MaxDelay = MaxBatchDelayMs is { } delay ? TimeSpan.FromMilliseconds(delay) : batching.MaxDelay,
            },
            DefaultDeadline = DeadlineSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : defaults.DefaultDeadline,
            WarmUp = WarmUp,
        };
    }
}
