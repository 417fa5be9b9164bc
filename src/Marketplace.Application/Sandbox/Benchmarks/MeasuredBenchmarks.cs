using System.Collections.Concurrent;
using Marketplace.Abstractions.Sandbox;
using Marketplace.Domain.Sandbox;

namespace Marketplace.Application.Sandbox.Benchmarks;

/// <summary>
/// A model file's stored benchmarks, kept on this silo for a short while: every trial reads them
/// (its compute reservation, its cost table) and they change only when the model is measured
/// again, which forgets the copy here at once.
/// </summary>
public sealed class MeasuredBenchmarks(IGrainFactory grains, TimeProvider time)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, (DateTimeOffset At, IReadOnlyList<DeviceBenchmark> Results)> _byFile = new(StringComparer.Ordinal);

    /// <summary>The benchmarks of exactly this model file (older files of the listing do not count).</summary>
    public async ValueTask<IReadOnlyList<DeviceBenchmark>> ForAsync(SandboxModel model)
    {
        var now = time.GetUtcNow();
        if (_byFile.TryGetValue(model.Artifact.Sha256, out var cached) && now - cached.At < KeepFor)
        {
            return cached.Results;
        }
        var results = (await grains.GetGrain<IModelBenchmarksGrain>(model.ListingId).ListAsync())
            .Where(b => b.ArtifactSha256 == model.Artifact.Sha256)
            .ToList();
        _byFile[model.Artifact.Sha256] = (now, results);
        return results;
    }

    public void Forget(string artifactSha256) => _byFile.TryRemove(artifactSha256, out _);
}
