namespace Marketplace.Domain.Sandbox;

/// <summary>What a buyer asks of a text-generation model: a prompt, how much to write and how to choose tokens.</summary>
public sealed record GenerationInput
{
    public required string Prompt { get; init; }

    public int MaxNewTokens { get; init; } = 64;

    /// <summary>0 is greedy decoding.</summary>
    public double Temperature { get; init; }

    /// <summary>Nucleus sampling: keep the likeliest tokens up to this probability (1 keeps all).</summary>
    public double TopP { get; init; } = 1;

    /// <summary>Keep only this many likeliest tokens (0 keeps all).</summary>
    public int TopK { get; init; }

    /// <summary>The same seed gives the same tokens; a keyed generation without one gets one from its key.</summary>
    public int? Seed { get; init; }

    /// <summary>The generation ends (reason stop) before the first of these appears.</summary>
    public IReadOnlyList<string> Stop { get; init; } = [];

    /// <summary>From the start to the last token; past it the generation ends with reason deadline.</summary>
    public TimeSpan Deadline { get; init; } = TimeSpan.FromMinutes(2);
}

/// <summary>A generation whose prompt was tokenised and fits the model's context: ready to be admitted and started.</summary>
public sealed record PreparedGeneration(SandboxModel Model, GenerationInput Input, IReadOnlyList<int> PromptTokens, int MaxNewTokens)
{
    /// <summary>The most tokens it can use: its prompt and every token it may generate.</summary>
    public int MostTokens => PromptTokens.Count + MaxNewTokens;
}

/// <summary>New text as it is generated (possibly empty while a character or a possible stop sequence is held back) and the ids behind it.</summary>
public sealed record GeneratedText(string Text, IReadOnlyList<int> Ids);

/// <summary>Why a generation ended, in the API's words.</summary>
public static class FinishReasons
{
    /// <summary>Max new tokens or the model's context was reached.</summary>
    public const string Length = "length";

    /// <summary>A stop sequence or the end-of-sequence token.</summary>
    public const string Stop = "stop";

    /// <summary>The deadline passed.</summary>
    public const string Deadline = "deadline";

    /// <summary>The client went away or pressed stop.</summary>
    public const string Cancelled = "cancelled";
}

/// <summary>How a generation ended: its text and tokens, usage, timings and the device it ran on.</summary>
public sealed record GenerationOutcome
{
    public required string Text { get; init; }

    public required IReadOnlyList<int> Tokens { get; init; }

    /// <summary>One of <see cref="FinishReasons"/>.</summary>
    public required string FinishReason { get; init; }

    public required int InputTokens { get; init; }

    public int OutputTokens => Tokens.Count;

    /// <summary>Request to first token: queueing, prefill and the first sampling.</summary>
    public required double TimeToFirstTokenMs { get; init; }

    public required double QueueMs { get; init; }

    public required double PrefillMs { get; init; }

    public required double DecodeMs { get; init; }

    public required double TotalMs { get; init; }

    /// <summary>Tokens after the first per second of decoding; 0 with fewer than two tokens.</summary>
    public required double DecodeTokensPerSecond { get; init; }

    public int? Seed { get; init; }

    public required string DeviceId { get; init; }

    public required string DeviceKind { get; init; }

    public required string DeviceName { get; init; }

    public string? FallbackReason { get; init; }

    /// <summary>Time on the device (prefill and decode, not queueing), charged against the compute quota.</summary>
    public double ComputeMs => PrefillMs + DecodeMs;
}
