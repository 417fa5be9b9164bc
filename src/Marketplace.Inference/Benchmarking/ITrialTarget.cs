namespace Marketplace.Inference.Benchmarking;

/// <summary>
/// Something a benchmark can call: raw ONNX Runtime, the engine, or the host's HTTP endpoint.
/// The harness times each call itself.
/// </summary>
public interface ITrialTarget
{
    string Name { get; }

    /// <summary>Runs one request; returns how many inferences it completed (1 for a single input).</summary>
    Task<double> RunOnceAsync();
}
