using Marketplace.Application.Sandbox.Benchmarks;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Sandbox;
using Marketplace.Domain.Vocabulary;
using Microsoft.Extensions.Options;

namespace Marketplace.Application.Sandbox.Costs;

/// <summary>
/// What a million tokens of a text-generation model cost on every published hardware offering
/// (the cost estimator's list and prices): from tokens per second measured on that accelerator
/// where the sandbox has measured the model's file there, else from the decoder roofline (decode
/// bound by memory bandwidth over the weights and KV cache, prefill by compute), labelled so.
/// </summary>
public sealed class TokenCostEstimator(CostEstimator costs, MeasuredBenchmarks benchmarks, TimeProvider time, IOptions<SandboxOptions> options)
{
    /// <summary>Tokens in the cache while a typical answer is generated (capped by the model's context).</summary>
    public const int AssumedContextTokens = 1024;

    /// <summary>Prompt tokens that share one read of the weights in a typical prefill.</summary>
    public const int AssumedPromptTokens = 512;

    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (DateTimeOffset At, IReadOnlyList<TokenCostEstimate> Estimates)> _byModel = new();

    /// <summary>Estimates for a runnable model file from its stored benchmarks, kept for a short while.</summary>
    public async Task<IReadOnlyList<TokenCostEstimate>> ForModelAsync(SandboxModel model, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_byModel.TryGetValue(model.Artifact.Sha256, out var cached) && now - cached.At < CacheFor)
        {
            return cached.Estimates;
        }
        var estimates = await EstimateAsync(model.Spec, model.Artifact, await benchmarks.ForAsync(model), cancellationToken);
        _byModel[model.Artifact.Sha256] = (now, estimates);
        return estimates;
    }

    /// <summary>Estimates from a listing's own figures (a model without a file has only roofline estimates).</summary>
    public async Task<IReadOnlyList<TokenCostEstimate>> EstimateAsync(ModelSpec spec, ModelArtifact? artifact, IReadOnlyList<DeviceBenchmark> measured, CancellationToken cancellationToken)
    {
        var estimates = new List<TokenCostEstimate>();
        foreach (var hardware in await costs.HardwareAsync(cancellationToken))
        {
            var offered = hardware.Content.Hardware!;
            if (CostModel.HourlyMinor(hardware.Content.Pricing, offered, options.Value.ElectricityPerKwhMinor) is not { } hourly)
            {
                continue;
            }
            var (decode, prefill, basis, note) = Throughput(spec, artifact, offered, measured);
            if (decode is not > 0 || prefill is not > 0 || !double.IsFinite(decode) || !double.IsFinite(prefill))
            {
                continue;
            }
            estimates.Add(new TokenCostEstimate(hardware.Id, hardware.Content.Name,
                CostModel.CostPer1MMinor(hourly, decode), CostModel.CostPer1MMinor(hourly, prefill),
                hardware.Content.Pricing.Currency, basis, decode, prefill, note));
        }
        return estimates
            .OrderBy(e => e.CostPer1MOutputTokensMinor)
            .ThenBy(e => e.HardwareName, StringComparer.Ordinal)
            .ToList();
    }

    private static (double Decode, double Prefill, CostBasis Basis, string Note) Throughput(ModelSpec spec, ModelArtifact? artifact, HardwareSpec offered, IReadOnlyList<DeviceBenchmark> measured)
    {
        var units = Math.Max(1, offered.AcceleratorCount);
        var times = units > 1 ? $", × {units} accelerators" : "";
        var match = measured.Where(m => m.Generation is not null && CostEstimator.SameDevice(m, offered))
            .MaxBy(m => m.Generation!.AggregateTokensPerSecond ?? m.Generation.DecodeTokensPerSecond);
        if (match?.Generation is { } generation)
        {
            var streams = generation.AggregateTokensPerSecond is not null && generation.Streams is { } n ? $" with {n} concurrent streams" : " at batch 1";
            return ((generation.AggregateTokensPerSecond ?? generation.DecodeTokensPerSecond) * units, generation.PrefillTokensPerSecond * units, CostBasis.Measured,
                $"measured on {match.DeviceName}{streams}{times}");
        }
        var parameters = artifact is { ParameterCount: > 0 } ? artifact.ParameterCount : spec.ParameterCount ?? 0;
        var weights = artifact is { InitializerBytes: > 0 } ? artifact.InitializerBytes : parameters * Precisions.BytesPerParameter(spec.Precision);
        var shape = artifact?.Decoder?.ToShape() ?? spec.Decoder;
        if (parameters <= 0 || weights <= 0 || offered.MemoryBandwidthGbps <= 0)
        {
            return (0, 0, CostBasis.Estimated, "");
        }
        // The sandbox keeps its KV cache in float32; a listing's own figures are at its precision.
        var kvElementBytes = artifact?.Decoder is not null ? sizeof(float) : Precisions.BytesPerParameter(spec.Precision);
        var context = Math.Min(shape?.ContextLength ?? AssumedContextTokens, AssumedContextTokens);
        var peak = offered.PeakFp16Tflops ?? offered.PeakBf16Tflops;
        var (decode, prefill) = TokenRoofline.Of(parameters, weights, shape?.KvBytesPerToken(kvElementBytes) ?? 0, context,
            AssumedPromptTokens, peak * Roofline.Efficiency, offered.MemoryBandwidthGbps * Roofline.Efficiency);
        return (decode * units, prefill * units, CostBasis.Estimated,
            $"roofline estimate at batch 1 and {Roofline.Efficiency:P0} of peak: decode bound by memory bandwidth over weights and a {context}-token KV cache, prefill by compute{times}");
    }
}
