using Marketplace.Inference.Execution;
using Marketplace.Inference.Models;

namespace Marketplace.Inference.Benchmarking;

/// <summary>The engine as a benchmark target: one input per call, on a pinned device.</summary>
public sealed class EngineTrialTarget(string name, InferenceEngine engine, ModelDescriptor model, ModelInput input, InferenceRequestOptions options) : ITrialTarget
{
    public string Name { get; } = name;

    public async Task<double> RunOnceAsync()
    {
        await engine.RunAsync(model, input, options).ConfigureAwait(false);
        return 1;
    }
}
