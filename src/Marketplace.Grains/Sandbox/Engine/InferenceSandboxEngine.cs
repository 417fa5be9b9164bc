using Marketplace.Abstractions.Errors;
using Marketplace.Abstractions.Files;
using Marketplace.Domain.Sandbox;
using Marketplace.Inference;
using Marketplace.Inference.Benchmarking;
using Marketplace.Inference.Execution;
using Marketplace.Inference.Models;

namespace Marketplace.Grains.Sandbox.Engine;

/// <summary>
/// The sandbox on this silo's inference engine. Texts of one trial run as separate inputs, so the
/// engine's micro-batcher can put them (and other callers' inputs) in one run. Engine errors become
/// the marketplace's own: bad input 400, model not loadable 409, deadline 503.
/// </summary>
public sealed class InferenceSandboxEngine(InferenceEngine engine, GenerationBenchmarks generations, IContentStore store, ILocalSiloDetails silo, SandboxLoad load) : ISandboxEngine
{
    public async Task<TrialOutcome> RunTrialAsync(SandboxModel model, TrialInput input, CancellationToken cancellationToken)
    {
        var descriptor = SandboxDescriptors.For(model, store);
        var inputs = ToEngineInputs(input);
        using var _ = load.Begin();
        InferenceResult[] results;
        try
        {
            results = await Task.WhenAll(inputs.Select(i => engine.RunAsync(descriptor, i, cancellationToken)));
        }
        catch (InputRejectedException e)
        {
            throw new RequestValidationException(FieldOf(input), e.Message);
        }
        catch (InferenceTimeoutException e)
        {
            throw new TimeoutException(e.Message);
        }
        catch (ModelLoadException e)
        {
            throw new ConflictException("sandbox.model_unavailable", "The model could not be loaded: " + e.Message);
        }
        var first = results[0];
        return new TrialOutcome
        {
            Outputs = Outputs(results),
            LatencyMs = results.Max(r => r.LatencyMs),
            QueueMs = results.Max(r => r.QueueMs),
            ComputeMs = results.Sum(r => r.RunMs / r.BatchSize),
            BatchSize = results.Max(r => r.BatchSize),
            DeviceId = first.Device.Id,
            DeviceKind = first.Device.Kind,
            DeviceName = first.Device.Name,
            FallbackReason = first.FallbackReason,
            Silo = silo.SiloAddress.ToParsableString(),
        };
    }

    public async Task<IReadOnlyList<DeviceBenchmark>> BenchmarkAsync(SandboxModel model, CancellationToken cancellationToken)
    {
        if (model.Spec.Adapter == Domain.Vocabulary.ModelAdapters.Generate)
        {
            using var generating = load.Begin();
            return await generations.RunAsync(model, silo.SiloAddress.ToParsableString(), cancellationToken);
        }
        var descriptor = SandboxDescriptors.For(model, store);
        var sample = SampleInputs.For(model);
        using var _ = load.Begin();
        var results = await ModelBenchmark.RunOnEveryDeviceAsync(engine, descriptor, sample, new ModelBenchmarkOptions
        {
            Warmup = 10,
            LatencySamples = 100,
            Concurrency = 16,
            ThroughputDuration = TimeSpan.FromSeconds(2),
        });
        var now = DateTimeOffset.UtcNow;
        return results.Select(r => new DeviceBenchmark
        {
            DeviceId = r.Device.Id,
            DeviceKind = r.Device.Kind,
            DeviceName = r.Device.Name,
            Silo = silo.SiloAddress.ToParsableString(),
            Version = model.Version,
            ArtifactSha256 = model.Artifact.Sha256,
            P50Ms = r.Latency.P50Ms,
            P90Ms = r.Latency.P90Ms,
            P99Ms = r.Latency.P99Ms,
            Batch1PerSecond = r.Unbatched.InferencesPerSecond,
            BatchedPerSecond = r.Batched?.InferencesPerSecond,
            BatchedConcurrency = r.Batched?.Concurrency,
            MeasuredAt = now,
        }).ToList();
    }

    private static List<ModelInput> ToEngineInputs(TrialInput input) =>
        input.Texts is { } texts ? texts.Select(ModelInput.FromText).ToList()
        : input.Image is { } image ? [ModelInput.FromImage(image)]
        : [ModelInput.FromTensors(input.Tensors!.Select(t => new TensorData(t.Name, t.Shape, t.Data)).ToArray())];

    private static string FieldOf(TrialInput input) => input.Texts is not null ? "texts" : input.Image is not null ? "imageBase64" : "inputs";

    private static TrialOutputs Outputs(InferenceResult[] results) => results[0].Kind switch
    {
        OutputKind.Embedding => new TrialOutputs { Embeddings = results.Select(r => r.Embedding!).ToList() },
        OutputKind.Labels => new TrialOutputs { Labels = results.Select(r => (IReadOnlyList<LabelValue>)r.Labels!.Select(l => new LabelValue(l.Label, l.Index, l.Score)).ToList()).ToList() },
        _ => new TrialOutputs { Tensors = results.SelectMany(r => r.Tensors!).Select(t => new TensorValue(t.Name, t.Shape, t.Data)).ToList() },
    };
}
