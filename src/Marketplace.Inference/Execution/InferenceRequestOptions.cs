namespace Marketplace.Inference.Execution;

/// <summary>Per-call choices; null fields take the engine's defaults.</summary>
public sealed record InferenceRequestOptions
{
    /// <summary>Run on this device ("cpu", "cuda:0") instead of the engine's choice (benchmarks pin devices).</summary>
    public string? DeviceId { get; init; }

    /// <summary>Time from the call after which the request fails with <see cref="InferenceTimeoutException"/>.</summary>
    public TimeSpan? Deadline { get; init; }

    /// <summary>False runs this request alone even when the model is batched.</summary>
    public bool AllowBatching { get; init; } = true;
}
