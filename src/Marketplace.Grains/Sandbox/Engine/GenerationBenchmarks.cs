using Marketplace.Domain.Sandbox;
using Marketplace.Inference.Generation;

namespace Marketplace.Grains.Sandbox.Engine;

/// <summary>
/// Measures a text-generation model on every device of this process: time to first token and
/// decode tokens/s of one stream at a time (greedy, a sample sentence as the prompt), then the
/// aggregate tokens/s of <see cref="Streams"/> streams under continuous batching. The cost table
/// prices tokens from these figures (Measured) on hardware with the same accelerator.
/// </summary>
public sealed class GenerationBenchmarks(GenerationEngine engine, EngineGenerator generator, TimeProvider time)
{
    public const int Streams = 8;
    public const int NewTokens = 64;
    private const int Samples = 5;

    public async Task<IReadOnlyList<DeviceBenchmark>> RunAsync(SandboxModel model, string silo, CancellationToken cancellationToken)
    {
        var decoder = generator.DecoderFor(model);
        var results = new List<DeviceBenchmark>();
        foreach (var device in engine.Devices.Devices)
        {
            var description = await engine.LoadAsync(decoder, device.Id, cancellationToken);
            var prompt = decoder.Tokenizer.Encode(SampleInputs.Sentence).Take(Math.Max(1, description.ContextLength / 4)).ToArray();
            var request = new GenerationRequest
            {
                PromptTokenIds = prompt,
                MaxNewTokens = Math.Max(1, Math.Min(NewTokens, description.ContextLength - prompt.Length)),
                DeviceId = device.Id,
            };
            await engine.GenerateAsync(decoder, request, cancellationToken);
            var alone = new List<GenerationResult>();
            for (var i = 0; i < Samples; i++)
            {
                alone.Add(await engine.GenerateAsync(decoder, request, cancellationToken));
            }
            var started = time.GetTimestamp();
            var together = await Task.WhenAll(Enumerable.Range(0, Streams).Select(_ => engine.GenerateAsync(decoder, request, cancellationToken)));
            var seconds = time.GetElapsedTime(started).TotalSeconds;
            var firstToken = alone.Select(r => r.TimeToFirstTokenMs).Order().ToArray();
            var generation = new GenerationBenchmark
            {
                PromptTokens = prompt.Length,
                NewTokens = request.MaxNewTokens,
                TimeToFirstTokenMs = Median(firstToken),
                PrefillTokensPerSecond = Median(alone.Select(r => r.PrefillMs > 0 ? prompt.Length * 1000 / r.PrefillMs : 0).Order().ToArray()),
                DecodeTokensPerSecond = Median(alone.Select(r => r.DecodeTokensPerSecond).Order().ToArray()),
                AggregateTokensPerSecond = seconds > 0 ? together.Sum(r => r.OutputTokens) / seconds : null,
                Streams = Streams,
            };
            results.Add(new DeviceBenchmark
            {
                DeviceId = device.Id,
                DeviceKind = device.Kind,
                DeviceName = device.Name,
                Silo = silo,
                Version = model.Version,
                ArtifactSha256 = model.Artifact.Sha256,
                P50Ms = Percentile(firstToken, 0.5),
                P90Ms = Percentile(firstToken, 0.9),
                P99Ms = Percentile(firstToken, 0.99),
                Batch1PerSecond = generation.DecodeTokensPerSecond,
                BatchedPerSecond = generation.AggregateTokensPerSecond,
                BatchedConcurrency = Streams,
                MeasuredAt = time.GetUtcNow(),
                Generation = generation,
            });
        }
        return results;
    }

    private static double Median(double[] sorted) => Percentile(sorted, 0.5);

    /// <summary>Nearest rank over sorted samples.</summary>
    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
