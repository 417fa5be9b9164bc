using Marketplace.Inference.Devices;

namespace Marketplace.Inference.Models;

public sealed record LabelScore(int Index, string Label, float Score);

/// <summary>What one inference produced, where it ran and how long it took.</summary>
public sealed record InferenceResult
{
    public required OutputKind Kind { get; init; }

    public float[]? Embedding { get; init; }

    public IReadOnlyList<LabelScore>? Labels { get; init; }

    public IReadOnlyList<TensorData>? Tensors { get; init; }

    /// <summary>The device that ran it; never guessed.</summary>
    public required ComputeDeviceInfo Device { get; init; }

    /// <summary>Why the CPU ran it when a GPU was wanted, for the buyer (<see cref="Devices.FallbackReasons"/>); null otherwise.</summary>
    public string? FallbackReason { get; init; }

    /// <summary>From the call to the result: queueing, preparation, the run and interpretation.</summary>
    public required double LatencyMs { get; init; }

    /// <summary>Time spent waiting for a device slot or for a batch to form.</summary>
    public required double QueueMs { get; init; }

    /// <summary>Time inside ONNX Runtime for the (possibly batched) run this input was part of.</summary>
    public required double RunMs { get; init; }

    /// <summary>How many inputs shared the run (1 when not batched).</summary>
    public required int BatchSize { get; init; }
}
