using System.Diagnostics;
using Marketplace.Domain.Catalog;

namespace Marketplace.Benchmarks.Search;

/// <summary><see cref="CatalogIndex.Search"/> in this process: the baseline every other target is compared with.</summary>
public sealed class InProcessSearchTarget(CatalogIndex index) : ISearchTarget
{
    public string Name => "in-process CatalogIndex";

    public Task<TargetRun> RunAsync(BenchQuery query, CancellationToken cancellationToken)
    {
        var catalogQuery = query.ToCatalogQuery();
        var started = Stopwatch.GetTimestamp();
        var result = index.Search(catalogQuery);
        return Task.FromResult(new TargetRun(Stopwatch.GetElapsedTime(started), result.Total));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
