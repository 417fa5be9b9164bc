using System.Collections.Concurrent;
using Marketplace.Abstractions.Listings;
using Marketplace.Abstractions.Sandbox;
using Marketplace.Domain.Sandbox;
using Microsoft.Extensions.Logging;

namespace Marketplace.Application.Sandbox.Benchmarks;

/// <summary>
/// Benchmarks a model listing's working version on every device class the cluster has and stores
/// the results. One job per listing at a time; started in the background after a valid upload.
/// </summary>
public sealed partial class ModelBenchmarkJobs(IGrainFactory grains, ISandboxRouting routing, MeasuredBenchmarks measured, ILogger<ModelBenchmarkJobs> logger)
{
    private readonly ConcurrentDictionary<string, Task<IReadOnlyList<DeviceBenchmark>>> _running = new();

    public void Start(string listingId) => _ = RunAsync(listingId).ContinueWith(
        t => LogFailed(t.Exception!, listingId), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    public Task<IReadOnlyList<DeviceBenchmark>> RunAsync(string listingId) =>
        _running.GetOrAdd(listingId, id => Task.Run(async () =>
        {
            try
            {
                return await MeasureAsync(id);
            }
            finally
            {
                _running.TryRemove(id, out _);
            }
        }));

    private async Task<IReadOnlyList<DeviceBenchmark>> MeasureAsync(string listingId)
    {
        var snapshot = await grains.GetGrain<IListingGrain>(listingId).GetAsync()
            ?? throw new Abstractions.Errors.NotFoundException("Listing", listingId);
        var model = SandboxModels.For(listingId, snapshot.Current.Artifact is { IsValid: true } ? snapshot.Current : snapshot.Published ?? snapshot.Current);
        var results = new List<DeviceBenchmark>();
        foreach (var runner in routing.RunnerPerDeviceKind())
        {
            results.AddRange(await grains.GetGrain<ISandboxRunnerGrain>(runner).BenchmarkAsync(model));
        }
        await grains.GetGrain<IModelBenchmarksGrain>(listingId).RecordAsync(results);
        measured.Forget(model.Artifact.Sha256);
        LogMeasured(listingId, model.Version, results.Count);
        return results;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Benchmarked {ListingId} {Version} on {Devices} devices")]
    private partial void LogMeasured(string listingId, string version, int devices);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Benchmark of {ListingId} failed")]
    private partial void LogFailed(Exception exception, string listingId);
}
