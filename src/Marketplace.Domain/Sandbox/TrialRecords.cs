using Marketplace.Domain.Listings;

namespace Marketplace.Domain.Sandbox;

/// <summary>A tensor in JSON form: row-major data as numbers.</summary>
public sealed record TensorValue(string Name, IReadOnlyList<long> Shape, IReadOnlyList<double> Data);

public sealed record LabelValue(string Label, int Index, float Score);

/// <summary>What a buyer gives a trial: texts, one encoded image, or named tensors.</summary>
public sealed record TrialInput
{
    public IReadOnlyList<string>? Texts { get; init; }

    public byte[]? Image { get; init; }

    public IReadOnlyList<TensorValue>? Tensors { get; init; }
}

/// <summary>What a trial produced: one entry per input (text), or one for an image or tensors.</summary>
public sealed record TrialOutputs
{
    public IReadOnlyList<float[]>? Embeddings { get; init; }

    public IReadOnlyList<IReadOnlyList<LabelValue>>? Labels { get; init; }

    public IReadOnlyList<TensorValue>? Tensors { get; init; }
}

/// <summary>A trial's outputs and how it ran: where, how long, and how many shared its batch.</summary>
public sealed record TrialOutcome
{
    public required TrialOutputs Outputs { get; init; }

    public required double LatencyMs { get; init; }

    public required double QueueMs { get; init; }

    public required double ComputeMs { get; init; }

    public required int BatchSize { get; init; }

    public required string DeviceId { get; init; }

    public required string DeviceKind { get; init; }

    public required string DeviceName { get; init; }

    /// <summary>Why a CPU ran it when a GPU was wanted; null otherwise.</summary>
    public string? FallbackReason { get; init; }

    public required string Silo { get; init; }
}

/// <summary>The model to run: which version, its file, and how to adapt inputs and outputs.</summary>
public sealed record SandboxModel(string ListingId, string Version, ModelSpec Spec, ModelArtifact Artifact);

/// <summary>Latency and throughput of one model version on one device, as measured.</summary>
public sealed record DeviceBenchmark
{
    public required string DeviceId { get; init; }

    public required string DeviceKind { get; init; }

    public required string DeviceName { get; init; }

    public required string Silo { get; init; }

    public required string Version { get; init; }

    public required string ArtifactSha256 { get; init; }

    public required double P50Ms { get; init; }

    public required double P90Ms { get; init; }

    public required double P99Ms { get; init; }

    public required double Batch1PerSecond { get; init; }

    public double? BatchedPerSecond { get; init; }

    public int? BatchedConcurrency { get; init; }

    public required DateTimeOffset MeasuredAt { get; init; }

    public double MaxPerSecond => Math.Max(Batch1PerSecond, BatchedPerSecond ?? 0);
}

/// <summary>One billable use of the sandbox, recorded once whatever the retries.</summary>
public sealed record UsageEvent(
    string Id,
    string OrganizationId,
    string Kind,
    string ListingId,
    double ComputeMs,
    string DeviceKind,
    DateTimeOffset At);

/// <summary>Kinds of billable usage.</summary>
public static class UsageKinds
{
    /// <summary>One sandbox trial; the quota counts these.</summary>
    public const string SandboxTrial = "sandbox.trial";
}
