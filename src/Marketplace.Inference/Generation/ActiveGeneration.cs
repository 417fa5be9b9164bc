using System.Threading.Channels;
using Marketplace.Inference.Devices;

namespace Marketplace.Inference.Generation;

/// <summary>
/// One generation inside a scheduler: its prompt, sampler, text so far, place in the cache and
/// timestamps. Only the scheduler's thread touches it, except <see cref="RequestEnd"/>, which any
/// thread may call (a cancelled client, a passed deadline) and the scheduler acts on between steps.
/// </summary>
internal sealed class ActiveGeneration
{
    private const int NotEnding = -1;
    private readonly TimeProvider _time;
    private readonly StreamingDetokenizer _detokenizer;
    private readonly StopSequenceMatcher _stops;
    private readonly List<int> _tokens = [];
    private readonly Channel<GeneratedChunk> _chunks = Channel.CreateUnbounded<GeneratedChunk>(new UnboundedChannelOptions { SingleWriter = true });
    private readonly TaskCompletionSource<GenerationResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _endRequested = NotEnding;
    private long _prefillStarted;
    private long _firstToken;
    private long _lastToken;

    public ActiveGeneration(GenerationSetup setup, TimeProvider time)
    {
        Setup = setup;
        _time = time;
        Prompt = setup.Prompt;
        _detokenizer = new StreamingDetokenizer(setup.Tokenizer, setup.Prompt);
        _stops = new StopSequenceMatcher(setup.StopSequences);
        Sampler = new TokenSampler(setup.Sampling, setup.Seed);
    }

    public GenerationSetup Setup { get; }

    public IReadOnlyList<int> Prompt { get; }

    public TokenSampler Sampler { get; }

    /// <summary>Tokens in this sequence's cache (its row in a batch may have padding before them).</summary>
    public int CacheLength { get; set; }

    /// <summary>The newest token, not yet in the cache: the next step's input.</summary>
    public int LastToken { get; set; }

    /// <summary>Cache slots this sequence may come to hold: what the KV-cache budget reserves for it.</summary>
    public int FinalLength => Prompt.Count + Setup.MaxNewTokens;

    public bool IsFinished { get; private set; }

    public ChannelReader<GeneratedChunk> Chunks => _chunks.Reader;

    public Task<GenerationResult> Completion => _completion.Task;

    /// <summary>Set from any thread; the first reason wins. The scheduler ends the generation at its next turn.</summary>
    public bool RequestEnd(FinishReason reason) => Interlocked.CompareExchange(ref _endRequested, (int)reason, NotEnding) == NotEnding;

    public FinishReason? EndRequested => Volatile.Read(ref _endRequested) is var value && value == NotEnding ? null : (FinishReason)value;

    public void PrefillStarting() => _prefillStarted = _time.GetTimestamp();

    /// <summary>Takes a generated token, streams its text; true when it ended the generation.</summary>
    public bool Accept(int token)
    {
        _lastToken = _time.GetTimestamp();
        if (_tokens.Count == 0)
        {
            _firstToken = _lastToken;
        }
        _tokens.Add(token);
        if (token == Setup.EndOfSequenceId)
        {
            _chunks.Writer.TryWrite(new GeneratedChunk("", [token]));
            Finish(FinishReason.Stop);
            return true;
        }
        var text = _stops.Append(_detokenizer.Append(token));
        _chunks.Writer.TryWrite(new GeneratedChunk(text, [token]));
        if (_stops.Stopped)
        {
            Finish(FinishReason.Stop);
            return true;
        }
        if (_tokens.Count >= Setup.MaxNewTokens)
        {
            Finish(FinishReason.Length);
            return true;
        }
        return false;
    }

    public void Finish(FinishReason reason)
    {
        if (IsFinished)
        {
            return;
        }
        IsFinished = true;
        if (!_stops.Stopped)
        {
            // Release what was held back (an incomplete character, a possible start of a stop sequence).
            var rest = _stops.Append(_detokenizer.Flush()) + _stops.Flush();
            if (rest.Length > 0)
            {
                _chunks.Writer.TryWrite(new GeneratedChunk(rest, []));
            }
        }
        var now = _time.GetTimestamp();
        var started = Setup.StartedTimestamp;
        var prefillStarted = _prefillStarted == 0 ? now : _prefillStarted;
        var result = new GenerationResult
        {
            Text = _stops.Text,
            Tokens = _tokens.ToArray(),
            FinishReason = reason,
            InputTokens = Prompt.Count,
            TimeToFirstTokenMs = _firstToken == 0 ? 0 : Ms(started, _firstToken),
            QueueMs = Ms(started, prefillStarted),
            PrefillMs = _firstToken == 0 ? 0 : Ms(prefillStarted, _firstToken),
            DecodeMs = _firstToken == 0 ? 0 : Ms(_firstToken, _lastToken),
            TotalMs = Ms(started, now),
            Seed = Sampler.IsGreedy ? null : Setup.Seed,
            Device = Setup.Device,
            FallbackReason = Setup.FallbackReason,
        };
        _chunks.Writer.TryComplete();
        _completion.TrySetResult(result);
        Setup.Dispose();
    }

    /// <summary>The model could not run: the stream and the result carry the error.</summary>
    public void Fail(Exception error)
    {
        if (IsFinished)
        {
            return;
        }
        IsFinished = true;
        _chunks.Writer.TryComplete(error);
        _completion.TrySetException(error);
        Setup.Dispose();
    }

    private double Ms(long from, long to) => _time.GetElapsedTime(from, to).TotalMilliseconds;
}

/// <summary>
/// Everything fixed when a generation is accepted, and the registrations that end it early
/// (the caller's token, the deadline), released when it ends.
/// </summary>
internal sealed class GenerationSetup : IDisposable
{
    public required IReadOnlyList<int> Prompt { get; init; }

    public required int MaxNewTokens { get; init; }

    public required SamplingSettings Sampling { get; init; }

    public required int Seed { get; init; }

    public required IReadOnlyList<string> StopSequences { get; init; }

    public required int? EndOfSequenceId { get; init; }

    public required ITextTokenizer Tokenizer { get; init; }

    public required ComputeDeviceInfo Device { get; init; }

    public string? FallbackReason { get; init; }

    public required long StartedTimestamp { get; init; }

    /// <summary>Deadline timer, caller's token, Cancel(): disposed with the generation.</summary>
    public List<IDisposable> Releases { get; } = [];

    public void Dispose()
    {
        foreach (var release in Releases)
        {
            release.Dispose();
        }
        Releases.Clear();
    }
}
