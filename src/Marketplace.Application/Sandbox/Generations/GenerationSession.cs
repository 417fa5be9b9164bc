using System.Runtime.CompilerServices;
using Marketplace.Domain.Sandbox;

namespace Marketplace.Application.Sandbox.Generations;

/// <summary>
/// A generation as its caller sees it once it is admitted and started: the text as it comes
/// (server-sent events, the portal's panel), then the answer with usage, timings and costs.
/// <see cref="Stop"/> (or the caller's cancellation) ends it with reason cancelled.
/// </summary>
public sealed class GenerationSession
{
    private readonly Func<CancellationToken, IAsyncEnumerable<GeneratedText>> _read;
    private readonly Action _stop;

    /// <summary>A session over a running generation's text, its answer and how to stop it (the handler's, or a test's stand-in).</summary>
    public GenerationSession(Func<CancellationToken, IAsyncEnumerable<GeneratedText>> read, Task<GenerationAnswer> completion, Action stop)
    {
        _read = read;
        Completion = completion;
        _stop = stop;
    }

    public Task<GenerationAnswer> Completion { get; }

    /// <summary>Text as it is generated; ends when the generation does. Read it once.</summary>
    public IAsyncEnumerable<GeneratedText> ReadAsync(CancellationToken cancellationToken = default) => _read(cancellationToken);

    /// <summary>This caller no longer wants it: the generation ends with reason cancelled unless another request with its key still waits for it.</summary>
    public void Stop() => _stop();

    /// <summary>The same generation, read as it comes, with <see cref="Stop"/> doing <paramref name="stop"/>.</summary>
    internal GenerationSession StoppedBy(Action stop) =>
        new(_read, Completion, stop);

    /// <summary>Another request's generation this one joined (same idempotency key at the same time): its whole text comes at the end.</summary>
    internal GenerationSession Joined(Action leave) =>
        new(WholeTextAtTheEnd, Completion, leave);

    private async IAsyncEnumerable<GeneratedText> WholeTextAtTheEnd([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var answer = await Completion.WaitAsync(cancellationToken);
        yield return new GeneratedText(answer.Text, answer.Tokens);
    }
}

/// <summary>The answer to a generation (the JSON body, or the final server-sent event).</summary>
public sealed record GenerationAnswer(
    string GenerationId,
    string ModelId,
    string Version,
    string Text,
    IReadOnlyList<int> Tokens,
    string FinishReason,
    TokenUsage Usage,
    double TimeToFirstTokenMs,
    double TokensPerSecond,
    double QueueMs,
    double PrefillMs,
    double DecodeMs,
    double TotalMs,
    string Device,
    string DeviceKind,
    string DeviceName,
    string? FallbackReason,
    int? Seed,
    IReadOnlyList<TokenCostEstimate> CostEstimates,
    bool Replay);

/// <summary>Tokens a generation read (its prompt) and wrote.</summary>
public sealed record TokenUsage(int InputTokens, int OutputTokens);
