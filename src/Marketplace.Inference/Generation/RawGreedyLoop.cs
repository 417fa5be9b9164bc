using System.Diagnostics;
using Marketplace.Inference.Onnx.Decoders;
using Marketplace.Inference.Validation;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Marketplace.Inference.Generation;

/// <summary>
/// The baseline the engine is measured against, and the tests' reference: a plain InferenceSession
/// and OrtValues, greedy, one sequence, no scheduler. With the cache it prefills the prompt and then
/// feeds one token at a time with the previous pass's present as past; without it re-runs the whole
/// sequence each step (an empty past), which any cache mistake in the engine would disagree with.
/// </summary>
public sealed class RawGreedyLoop : IDisposable
{
    private readonly InferenceSession _session;
    private readonly DecoderDescription _decoder;
    private readonly RunOptions _runOptions = new();
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;

    /// <param name="modelPath">The decoder's ONNX file.</param>
    /// <param name="intraOpThreads">CPU threads per pass; 0 lets ONNX Runtime choose.</param>
    /// <param name="configure">Adds an execution provider (CUDA) to the session options, if wanted.</param>
    public RawGreedyLoop(string modelPath, int intraOpThreads = 0, Action<SessionOptions>? configure = null)
    {
        using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        if (intraOpThreads > 0)
        {
            options.IntraOpNumThreads = intraOpThreads;
        }
        configure?.Invoke(options);
        _session = new InferenceSession(modelPath, options);
        _decoder = DecoderSessions.Describe(_session, 2048).Decoder
            ?? throw new ArgumentException("the model is not a usable decoder", nameof(modelPath));
        var inputs = new List<string> { DecoderNames.InputIds, DecoderNames.AttentionMask };
        if (_decoder.HasPositionIds)
        {
            inputs.Add(DecoderNames.PositionIds);
        }
        var outputs = new List<string> { DecoderNames.Logits };
        for (var layer = 0; layer < _decoder.Layers; layer++)
        {
            inputs.Add(DecoderNames.PastKey(layer));
            inputs.Add(DecoderNames.PastValue(layer));
            outputs.Add(DecoderNames.PresentKey(layer));
            outputs.Add(DecoderNames.PresentValue(layer));
        }
        _inputNames = [.. inputs];
        _outputNames = [.. outputs];
    }

    public RawGreedyResult Generate(IReadOnlyList<int> prompt, int newTokens, bool useCache = true)
    {
        var sequence = prompt.Select(t => (long)t).ToList();
        var tokens = new List<int>();
        OrtValue[]? past = null;
        var started = Stopwatch.GetTimestamp();
        var prefillMs = 0.0;
        try
        {
            for (var step = 0; step < newTokens; step++)
            {
                var feed = useCache && past is not null ? sequence.Skip(sequence.Count - 1).ToArray() : sequence.ToArray();
                var pastLength = useCache && past is not null ? sequence.Count - 1 : 0;
                var (logits, present) = Run(feed, pastLength, useCache ? past : null);
                using (logits)
                {
                    var vocabulary = _decoder.VocabularySize;
                    var next = TokenSampler.ArgMax(logits.GetTensorDataAsSpan<float>().Slice((feed.Length - 1) * vocabulary, vocabulary));
                    tokens.Add(next);
                    sequence.Add(next);
                }
                CacheValues.Dispose(past);
                past = present;
                if (step == 0)
                {
                    prefillMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                }
            }
        }
        finally
        {
            CacheValues.Dispose(past);
        }
        var totalMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return new RawGreedyResult(tokens, prefillMs, totalMs - prefillMs);
    }

    private (OrtValue Logits, OrtValue[] Present) Run(long[] feed, int pastLength, OrtValue[]? past)
    {
        var total = pastLength + feed.Length;
        var inputs = new List<OrtValue>
        {
            OrtValue.CreateTensorValueFromMemory(feed, [1, feed.Length]),
            OrtValue.CreateTensorValueFromMemory(Enumerable.Repeat(1L, total).ToArray(), [1, total]),
        };
        var owned = new List<OrtValue>(inputs);
        try
        {
            if (_decoder.HasPositionIds)
            {
                var positions = Enumerable.Range(pastLength, feed.Length).Select(p => (long)p).ToArray();
                var value = OrtValue.CreateTensorValueFromMemory(positions, [1, feed.Length]);
                inputs.Add(value);
                owned.Add(value);
            }
            for (var i = 0; i < 2 * _decoder.Layers; i++)
            {
                if (past is not null)
                {
                    inputs.Add(past[i]);
                }
                else
                {
                    var empty = OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, TensorElementType.Float, [1, _decoder.KvHeads, 0, _decoder.HeadSize]);
                    inputs.Add(empty);
                    owned.Add(empty);
                }
            }
            // The collection only disposes its elements; they are handed on instead.
            var outputs = _session.Run(_runOptions, _inputNames, inputs, _outputNames).ToArray();
            return (outputs[0], outputs[1..]);
        }
        finally
        {
            CacheValues.Dispose(owned);
        }
    }

    public void Dispose()
    {
        _runOptions.Dispose();
        _session.Dispose();
    }
}

/// <summary>Greedy tokens, the prompt's pass (prefill, first token) and the rest (decode).</summary>
public sealed record RawGreedyResult(IReadOnlyList<int> Tokens, double PrefillMs, double DecodeMs)
{
    public double DecodeTokensPerSecond => Tokens.Count > 1 && DecodeMs > 0 ? (Tokens.Count - 1) * 1000.0 / DecodeMs : 0;
}
