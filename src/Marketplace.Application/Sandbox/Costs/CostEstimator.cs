using Marketplace.Abstractions.Listings;
using Marketplace.Application.Catalog;
using Marketplace.Application.Sandbox.Benchmarks;
using Marketplace.Domain.Catalog;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Sandbox;
using Microsoft.Extensions.Options;

namespace Marketplace.Application.Sandbox.Costs;

/// <summary>
/// What 1k inferences of a model cost on every published hardware offering: from throughput
/// measured on that accelerator where the sandbox has one (scaled by the accelerator count), else
/// from a roofline estimate (the model's FLOPs and bytes against the hardware's peak), labelled so.
/// </summary>
public sealed class CostEstimator(IGrainFactory grains, ICatalogSearch catalog, MeasuredBenchmarks benchmarks, TimeProvider time, IOptions<SandboxOptions> options)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (DateTimeOffset At, IReadOnlyList<PublishedListing> Hardware)? _cache;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (DateTimeOffset At, IReadOnlyList<CostEstimate> Estimates)> _byModel = new();

    /// <summary>
    /// Estimates for a model file from its stored benchmarks, kept for a short while: every trial
    /// shows them and they change only when hardware prices or measurements do.
    /// </summary>
    public async Task<IReadOnlyList<CostEstimate>> ForModelAsync(SandboxModel model, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_byModel.TryGetValue(model.Artifact.Sha256, out var cached) && now - cached.At < CacheFor)
        {
            return cached.Estimates;
        }
        var estimates = await EstimateAsync(model, await benchmarks.ForAsync(model), cancellationToken);
        _byModel[model.Artifact.Sha256] = (now, estimates);
        return estimates;
    }

    public async Task<IReadOnlyList<CostEstimate>> EstimateAsync(SandboxModel model, IReadOnlyList<DeviceBenchmark> measured, CancellationToken cancellationToken)
    {
        var estimates = new List<(CostEstimate Estimate, decimal PerInference)>();
        foreach (var hardware in await HardwareAsync(cancellationToken))
        {
            var spec = hardware.Content.Hardware!;
            if (CostModel.HourlyMinor(hardware.Content.Pricing, spec, options.Value.ElectricityPerKwhMinor) is not { } hourly)
            {
                continue;
            }
            var (perSecond, basis, note) = Throughput(model, spec, measured);
            if (perSecond is not > 0)
            {
                continue;
            }
            estimates.Add((new CostEstimate(hardware.Id, hardware.Content.Name, CostModel.CostPer1kMinor(hourly, perSecond.Value),
                hardware.Content.Pricing.Currency, basis, perSecond.Value, note, CostModel.CostPer1MMinor(hourly, perSecond.Value)),
                CostModel.PerInferenceMinor(hourly, perSecond.Value)));
        }
        return estimates.OrderBy(e => e.PerInference).ThenBy(e => e.Estimate.HardwareName, StringComparer.Ordinal).Select(e => e.Estimate).ToList();
    }

    private static (double? PerSecond, CostBasis Basis, string Note) Throughput(SandboxModel model, HardwareSpec spec, IReadOnlyList<DeviceBenchmark> measured)
    {
        var units = Math.Max(1, spec.AcceleratorCount);
        var match = measured.Where(m => SameDevice(m, spec)).MaxBy(m => m.MaxPerSecond);
        if (match is not null)
        {
            return (match.MaxPerSecond * units, CostBasis.Measured, $"measured on {match.DeviceName}{(units > 1 ? $", × {units} accelerators" : "")}");
        }
        var roofline = Roofline.PerSecond(model, spec);
        return roofline is null
            ? (null, CostBasis.Estimated, "")
            : (roofline * units, CostBasis.Estimated, $"roofline estimate at {Roofline.Efficiency:P0} of peak compute and memory bandwidth{(units > 1 ? $", × {units} accelerators" : "")}");
    }

    /// <summary>A measurement counts for an offering only on the same accelerator (or, for CPU-only servers, the same CPU).</summary>
    internal static bool SameDevice(DeviceBenchmark measured, HardwareSpec spec)
    {
        var offered = spec.AcceleratorCount == 0 ? spec.Cpu ?? "" : spec.AcceleratorType;
        static string Normal(string s) => new(s.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
        var a = Normal(measured.DeviceName);
        var b = Normal(offered);
        return a.Length > 0 && b.Length > 0 && (a.Contains(b, StringComparison.Ordinal) || b.Contains(a, StringComparison.Ordinal));
    }

    /// <summary>Published hardware offerings with their specifications, kept for a short while.</summary>
    internal async Task<IReadOnlyList<PublishedListing>> HardwareAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_cache is { } cache && time.GetUtcNow() - cache.At < CacheFor)
            {
                return cache.Hardware;
            }
            var ids = catalog.Search(new CatalogQuery { Kinds = [ListingKind.Hardware], PageSize = CatalogQuery.MaxPageSize }).Items.Select(i => i.Id);
            var listings = await Task.WhenAll(ids.Select(id => grains.GetGrain<IListingGrain>(id).GetPublishedAsync()));
            var hardware = listings.OfType<PublishedListing>().Where(l => l.Content.Hardware is not null).ToList();
            _cache = (time.GetUtcNow(), hardware);
            return hardware;
        }
        finally
        {
            _gate.Release();
        }
    }
}
