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

    /// <summary>
    /// A text-generation model's figures, where this is one: then the percentiles are of the time to
    /// first token, and the per-second figures are generated tokens per second (decode at batch 1,
    /// and aggregate over <see cref="BatchedConcurrency"/> concurrent streams).
    /// </summary>
    public GenerationBenchmark? Generation { get; init; }

    public double MaxPerSecond => Math.Max(Batch1PerSecond, BatchedPerSecond ?? 0);
}

/// <summary>How fast a decoder generated on one device: prompt processing and token generation.</summary>
public sealed record GenerationBenchmark
{
    public required int PromptTokens { get; init; }

    public required int NewTokens { get; init; }

    /// <summary>Median time to first token at batch 1.</summary>
    public required double TimeToFirstTokenMs { get; init; }

    /// <summary>Prompt tokens per second of prefill at batch 1.</summary>
    public required double PrefillTokensPerSecond { get; init; }

    /// <summary>Generated tokens per second of one stream alone (median).</summary>
    public required double DecodeTokensPerSecond { get; init; }

    /// <summary>Generated tokens per second of all streams together under continuous batching.</summary>
    public double? AggregateTokensPerSecond { get; init; }

    public int? Streams { get; init; }
}

/// <summary>
/// One billable use of the sandbox, recorded once whatever the retries. A generation also carries
/// its prompt's tokens and the tokens it generated (first what it may generate, then, settled,
/// what it did); other trials carry none.
/// </summary>
public sealed record UsageEvent(
    string Id,
    string OrganizationId,
    string Kind,
    string ListingId,
    double ComputeMs,
    string DeviceKind,
    DateTimeOffset At,
    int InputTokens = 0,
    int OutputTokens = 0)
{
    public long Tokens => (long)InputTokens + OutputTokens;
}

/// <summary>Kinds of billable usage.</summary>
public static class UsageKinds
{
    /// <summary>One sandbox trial; the quota counts these.</summary>
    public const string SandboxTrial = "sandbox.trial";

    /// <summary>One text generation; the quota counts these as trials, and their tokens.</summary>
    public const string SandboxGeneration = "sandbox.generation";

    /// <summary>The kinds the daily trial count covers.</summary>
    public static IReadOnlyList<string> Trials { get; } = [SandboxTrial, SandboxGeneration];
}
