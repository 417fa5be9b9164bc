using Marketplace.Abstractions.Sandbox;
using Marketplace.Domain.Sandbox;
using Orleans.Concurrency;

namespace Marketplace.Grains.Sandbox;

/// <summary>
/// Stateless and reentrant: many trials await the engine at once on one activation, and the
/// engine's device slots and micro-batcher decide what runs together.
/// </summary>
[Reentrant]
[DevicePlacement]
public sealed class SandboxRunnerGrain(ISandboxEngine engine) : Grain, ISandboxRunnerGrain
{
    public async Task<Immutable<TrialOutcome>> RunTrialAsync(Immutable<SandboxModel> model, Immutable<TrialInput> input) =>
        (await engine.RunTrialAsync(model.Value, input.Value, CancellationToken.None)).AsImmutable();

    public Task<IReadOnlyList<DeviceBenchmark>> BenchmarkAsync(SandboxModel model) =>
        engine.BenchmarkAsync(model, CancellationToken.None);
}
