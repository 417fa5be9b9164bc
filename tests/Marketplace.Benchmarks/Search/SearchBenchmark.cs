using System.Diagnostics;
using Marketplace.Domain.Catalog;
using Marketplace.Testing;

namespace Marketplace.Benchmarks.Search;

/// <summary>
/// Generates the catalog, loads it into every target, runs the same query mix against each in
/// turn (warm-up, then measured, one query at a time) and reports latency relative to the in-process index.
/// </summary>
public static class SearchBenchmark
{
    public static async Task<int> RunAsync(SearchBenchmarkOptions options, CancellationToken cancellationToken)
    {
        var setup = new List<string>();
        var clock = Stopwatch.StartNew();
        var entries = ListingGenerator.Generate(options.Entries, options.Seed);
        setup.Add($"generate {entries.Count:N0} listings: {clock.Elapsed.TotalSeconds:F1} s");

        clock.Restart();
        var index = new CatalogIndex();
        index.ReplaceAll(entries);
        GC.Collect();
        setup.Add($"build CatalogIndex: {clock.Elapsed.TotalSeconds:F1} s, managed heap after build {GC.GetTotalMemory(forceFullCollection: true) / 1024 / 1024:N0} MiB");

        var targets = new List<ISearchTarget> { new InProcessSearchTarget(index) };
        PostgresServer? postgres = null;
        string? postgresVersion = null;
        try
        {
            if (!options.SkipPostgres)
            {
                clock.Restart();
                postgres = await PostgresServer.StartAsync();
                var database = await postgres.CreateDatabaseAsync();
                await PostgresCatalog.LoadAsync(database, entries, cancellationToken);
                var target = await PostgresSearchTarget.OpenAsync(database, cancellationToken);
                targets.Add(target);
                postgresVersion = await target.VersionAsync(cancellationToken);
                setup.Add($"start PostgreSQL, COPY, build indexes, ANALYZE: {clock.Elapsed.TotalSeconds:F1} s");
            }
            if (options.HttpBaseUrl is { } baseUrl)
            {
                targets.Add(new HttpSearchTarget(baseUrl));
            }
            else if (!options.SkipHostedHttp)
            {
                clock.Restart();
                targets.Add(await HostedHttpSearchTarget.StartAsync(entries));
                setup.Add($"start the host (embedded silo, Kestrel) and load its index: {clock.Elapsed.TotalSeconds:F1} s");
            }

            var warmup = QueryMix.Generate(options.WarmupQueries, options.Seed + 1);
            var queries = QueryMix.Generate(options.Queries, options.Seed + 2);
            var measurements = new List<TargetMeasurement>();
            foreach (var target in targets)
            {
                Console.Error.WriteLine($"measuring {target.Name} ...");
                measurements.Add(await MeasureAsync(target, warmup, queries, cancellationToken));
            }

            var report = new SearchBenchmarkReport(options, entries.Count, queries, measurements, setup, postgresVersion);
            var markdown = report.ToMarkdown();
            Console.WriteLine(markdown);
            if (options.WriteDocs)
            {
                var path = Path.Combine(RepositoryPaths.Root, "docs", "benchmarks.md");
                BenchmarksDocument.WriteSection(path, SearchBenchmarkReport.SectionId, markdown);
                Console.Error.WriteLine($"updated {path}");
            }
            return 0;
        }
        finally
        {
            foreach (var target in targets)
            {
                await target.DisposeAsync();
            }
            if (postgres is not null)
            {
                await postgres.DisposeAsync();
            }
        }
    }

    private static async Task<TargetMeasurement> MeasureAsync(ISearchTarget target, List<BenchQuery> warmup, List<BenchQuery> queries, CancellationToken cancellationToken)
    {
        foreach (var query in warmup)
        {
            await target.RunAsync(query, cancellationToken);
        }
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var loadBefore = MachineDescription.LoadAverage();
        var latencies = new TimeSpan[queries.Count];
        var totals = new int?[queries.Count];
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < queries.Count; i++)
        {
            var run = await target.RunAsync(queries[i], cancellationToken);
            latencies[i] = run.Elapsed;
            totals[i] = run.Total;
        }
        wall.Stop();
        var byCategory = queries.Select((query, i) => (query.Category, Latency: latencies[i]))
            .GroupBy(x => x.Category)
            .ToDictionary(g => g.Key, g => LatencyStats.Of(g.Select(x => x.Latency).ToList(), TimeSpan.FromTicks(g.Sum(x => x.Latency.Ticks))));
        var slowest = Enumerable.Range(0, queries.Count).MaxBy(i => latencies[i]);
        return new TargetMeasurement(target.Name, $"{loadBefore} → {MachineDescription.LoadAverage()}", LatencyStats.Of(latencies, wall.Elapsed), byCategory, totals,
            (queries[slowest], latencies[slowest].TotalMilliseconds));
    }
}
