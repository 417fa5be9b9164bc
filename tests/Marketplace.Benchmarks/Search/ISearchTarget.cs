namespace Marketplace.Benchmarks.Search;

/// <summary>Something that answers catalog searches: the in-process index, PostgreSQL, a running host over HTTP.</summary>
public interface ISearchTarget : IAsyncDisposable
{
    string Name { get; }

    /// <summary>One search, page and facets included, timed from request to the last byte of the answer.</summary>
    Task<TargetRun> RunAsync(BenchQuery query, CancellationToken cancellationToken);
}

/// <summary>How long one search took and the total it reported (null when the target did not say), to check targets agree.</summary>
public readonly record struct TargetRun(TimeSpan Elapsed, int? Total);
