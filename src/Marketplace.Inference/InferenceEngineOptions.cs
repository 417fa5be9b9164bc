using Marketplace.Inference.Devices;
using Marketplace.Inference.Execution;
using Marketplace.Inference.Models;

namespace Marketplace.Inference;

public sealed class InferenceEngineOptions
{
    public DeviceDiscoveryOptions Discovery { get; init; } = new();

    /// <summary>Estimated bytes of all cached sessions together; least recently used ones go first.</summary>
    public long SessionMemoryBudgetBytes { get; init; } = 4L * 1024 * 1024 * 1024;

    /// <summary>Session memory estimate = artifact size × this (weights plus ONNX Runtime's buffers).</summary>
    public double SessionMemoryFactor { get; init; } = 2.0;

    /// <summary>
    /// Runs at once on the CPU; more requests batch or wait. ONNX Runtime already spreads one run
    /// over the cores, but a second run in flight keeps them busy between runs and while another
    /// process preempts one of the intra-op threads (measured: docs/benchmarks.md).
    /// </summary>
    public int CpuConcurrency { get; init; } = 2;

    /// <summary>Runs at once on each GPU.</summary>
    public int CudaConcurrency { get; init; } = 2;

    /// <summary>Threads per CPU run; 0 lets ONNX Runtime use one per physical core.</summary>
    public int CpuIntraOpThreads { get; init; }

    /// <summary>How ONNX Runtime's intra-op threads wait for work on the CPU (measured: docs/benchmarks.md).</summary>
    public CpuSpinning CpuSpinning { get; init; } = CpuSpinning.Off;

    /// <summary>Batching for models with a dynamic first dimension, unless their descriptor says otherwise.</summary>
    public BatchingSettings Batching { get; init; } = new();

    public TimeSpan DefaultDeadline { get; init; } = TimeSpan.FromSeconds(30);

    public InputLimits Limits { get; init; } = new();

    /// <summary>Run each model once on load so the first customer does not pay for lazy initialisation.</summary>
    public bool WarmUp { get; init; } = true;

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}

/// <summary>
/// Spinning intra-op threads answer the next parallel section a little sooner but hold every core
/// while they spin, and on a machine the host shares with its request, grain and timer threads a
/// preempted intra-op thread stalls the whole run.
/// </summary>
public enum CpuSpinning
{
    /// <summary>Threads block when they find no work.</summary>
    Off,

    /// <summary>Threads spin during a run and stop when the last concurrent run returns.</summary>
    WhileRunning,

    /// <summary>ONNX Runtime's default: threads spin a while before blocking, also after a run.</summary>
    Always,
}
