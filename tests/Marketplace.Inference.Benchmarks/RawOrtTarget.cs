using Marketplace.Inference.Benchmarking;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;

namespace Marketplace.Inference.Benchmarks;

/// <summary>
/// The baseline: InferenceSession.Run with OrtValues built once, nothing else. Tokenisation and
/// pooling are left out on purpose, so every cost the engine adds shows in the ratio.
/// </summary>
internal sealed class RawOrtTarget : ITrialTarget, IDisposable
{
    private static readonly string[] InputNames = ["input_ids", "attention_mask", "token_type_ids"];
    private static readonly string[] OutputNames = ["last_hidden_state"];
    private readonly InferenceSession _session;
    private readonly OrtValue[] _inputs;
    private readonly RunOptions _runOptions = new();

    public RawOrtTarget(string modelPath, string vocabPath, string text)
    {
        using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        _session = new InferenceSession(modelPath, options);
        var ids = BertTokenizer.Create(vocabPath, new BertOptions { LowerCaseBeforeTokenization = true })
            .EncodeToIds(text, 256, addSpecialTokens: true, out _, out _, considerPreTokenization: true, considerNormalization: true)
            .Select(i => (long)i).ToArray();
        Tokens = ids.Length;
        long[] shape = [1, ids.Length];
        _inputs =
        [
            OrtValue.CreateTensorValueFromMemory(ids, shape),
            OrtValue.CreateTensorValueFromMemory(Enumerable.Repeat(1L, ids.Length).ToArray(), shape),
            OrtValue.CreateTensorValueFromMemory(new long[ids.Length], shape),
        ];
    }

    public string Name => "raw InferenceSession.Run";

    public int Tokens { get; }

    public Task<double> RunOnceAsync()
    {
        using var outputs = _session.Run(_runOptions, InputNames, _inputs, OutputNames);
        return Task.FromResult(1.0);
    }

    public void Dispose()
    {
        foreach (var input in _inputs)
        {
            input.Dispose();
        }
        _runOptions.Dispose();
        _session.Dispose();
    }
}
