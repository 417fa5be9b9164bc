using Marketplace.Inference.Benchmarking;
using Microsoft.ML.OnnxRuntime;

namespace Marketplace.Inference.Benchmarks;

/// <summary>
/// The baseline for a model fed one float tensor: InferenceSession.Run on an OrtValue built once
/// from the model's own input shape (dynamic dimensions as 1). Decoding and normalising an image
/// are left out on purpose, so every cost the engine and the endpoint add shows in the ratio.
/// </summary>
internal sealed class RawTensorTarget : ITrialTarget, IDisposable
{
    private readonly InferenceSession _session;
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;
    private readonly OrtValue _input;
    private readonly RunOptions _runOptions = new();

    public RawTensorTarget(string modelPath)
    {
        using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        _session = new InferenceSession(modelPath, options);
        var (name, metadata) = _session.InputMetadata.Single();
        var shape = metadata.Dimensions.Select(d => d < 0 ? 1L : d).ToArray();
        var values = new float[shape.Aggregate(1L, (a, b) => a * b)];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (i % 251) - 125f;
        }
        _input = OrtValue.CreateTensorValueFromMemory(values, shape);
        _inputNames = [name];
        _outputNames = [_session.OutputMetadata.Keys.First()];
        Shape = shape;
    }

    public string Name => "raw InferenceSession.Run";

    public IReadOnlyList<long> Shape { get; }

    public Task<double> RunOnceAsync()
    {
        using var outputs = _session.Run(_runOptions, _inputNames, [_input], _outputNames);
        return Task.FromResult(1.0);
    }

    public void Dispose()
    {
        _input.Dispose();
        _runOptions.Dispose();
        _session.Dispose();
    }
}
