namespace Marketplace.Inference.Generation;

/// <summary>One generation: a prompt (text, or ids when the caller tokenised it) and when to stop.</summary>
public sealed record GenerationRequest
{
    /// <summary>Tokenised with the model's tokenizer; ignored when <see cref="PromptTokenIds"/> is set.</summary>
    public string Prompt { get; init; } = "";

    public IReadOnlyList<int>? PromptTokenIds { get; init; }

    /// <summary>At most this many new tokens; fewer when the context ends first (finish reason length).</summary>
    public int MaxNewTokens { get; init; } = 64;

    public SamplingSettings Sampling { get; init; } = new();

    /// <summary>The generation ends (reason stop) before the first of these appears in its text.</summary>
    public IReadOnlyList<string> StopSequences { get; init; } = [];

    /// <summary>From the call to the last token; null takes the engine's default. Past it the generation ends with reason deadline.</summary>
    public TimeSpan? Deadline { get; init; }

    /// <summary>"cpu" or "cuda:N" to pin a device; null lets the engine choose (a GPU when there is one).</summary>
    public string? DeviceId { get; init; }
}

/// <summary>Why a generation ended.</summary>
public enum FinishReason
{
    /// <summary>MaxNewTokens or the model's context was reached.</summary>
    Length,

    /// <summary>A stop sequence appeared or the model produced its end-of-sequence token.</summary>
    Stop,

    /// <summary>The request's deadline passed.</summary>
    Deadline,

    /// <summary>The caller cancelled (a client that went away).</summary>
    Cancelled,
}

/// <summary>Text as it is generated: the new text (possibly empty while a character or a possible stop sequence is held back) and the ids behind it.</summary>
public sealed record GeneratedChunk(string Text, IReadOnlyList<int> TokenIds);

/// <summary>The outcome of a generation, for the final event, usage metering and benchmarks.</summary>
public sealed record GenerationResult
{
    public required string Text { get; init; }

    /// <summary>Every generated id, an end-of-sequence id included (it writes no text).</summary>
    public required IReadOnlyList<int> Tokens { get; init; }

    public required FinishReason FinishReason { get; init; }

    public required int InputTokens { get; init; }

    public int OutputTokens => Tokens.Count;

    /// <summary>Call to first token: queueing, prefill and the first sampling.</summary>
    public required double TimeToFirstTokenMs { get; init; }

    /// <summary>Waiting for a batch slot and KV-cache room.</summary>
    public required double QueueMs { get; init; }

    /// <summary>The prompt's forward pass and the first token.</summary>
    public required double PrefillMs { get; init; }

    /// <summary>First token to last token.</summary>
    public required double DecodeMs { get; init; }

    /// <summary>Tokens after the first per second of <see cref="DecodeMs"/>; 0 with fewer than two tokens.</summary>
    public double DecodeTokensPerSecond => OutputTokens > 1 && DecodeMs > 0 ? (OutputTokens - 1) * 1000.0 / DecodeMs : 0;

    public required double TotalMs { get; init; }

    /// <summary>The seed sampling used (the request's, or the one chosen); null for greedy decoding.</summary>
    public int? Seed { get; init; }

    public required Devices.ComputeDeviceInfo Device { get; init; }

    /// <summary>Why the CPU was used when a GPU was not, in the buyer's words.</summary>
    public string? FallbackReason { get; init; }
}

/// <summary>The prompt does not fit the model's context; the HTTP layer answers 400 naming "prompt".</summary>
public sealed class ContextLengthExceededException : Execution.InferenceException
{
    public ContextLengthExceededException()
    {
    }

    public ContextLengthExceededException(string message)
        : base(message)
    {
    }

    public ContextLengthExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ContextLengthExceededException(int promptTokens, int contextLength)
        : base($"the prompt has {promptTokens} tokens; the model's context holds {contextLength}, so at most {contextLength - 1} prompt tokens leave room for an answer")
    {
        PromptTokens = promptTokens;
        ContextLength = contextLength;
    }

    public int PromptTokens { get; }

    public int ContextLength { get; }
}
