using Marketplace.Inference.Devices;

namespace Marketplace.Inference.Generation;

public sealed class GenerationEngineOptions
{
    /// <summary>Used when the engine discovers devices itself; tests set DisableCuda.</summary>
    public DeviceDiscoveryOptions Discovery { get; init; } = new();

    /// <summary>Sequences decoding together in one batch per decoder and device; more wait.</summary>
    public int MaxBatchSize { get; init; } = 16;

    /// <summary>
    /// KV-cache bytes all decoders on one device may hold (float32 keys and values: 2 × layers ×
    /// KV heads × head size × 4 bytes per token, padding included). New sequences wait for room.
    /// </summary>
    public long KvCacheBytesPerDevice { get; init; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Deadline of a generation whose request names none.</summary>
    public TimeSpan DefaultDeadline { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Context length of a decoder whose metadata and attention_mask do not say.</summary>
    public int DefaultContextLength { get; init; } = 2048;

    /// <summary>Threads per CPU pass; 0 lets ONNX Runtime use one per physical core.</summary>
    public int CpuIntraOpThreads { get; init; }

    public CpuSpinning CpuSpinning { get; init; } = CpuSpinning.Off;

    /// <summary>Run a one-token pass when a decoder loads, so the first generation does not pay for ONNX Runtime's lazy set-up.</summary>
    public bool WarmUp { get; init; } = true;

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
