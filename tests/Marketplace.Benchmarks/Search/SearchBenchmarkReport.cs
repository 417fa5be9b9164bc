using System.Globalization;
using System.Text;

namespace Marketplace.Benchmarks.Search;

/// <summary>The markdown section for docs/benchmarks.md: how it was run, on what, and the figures relative to the in-process index.</summary>
public sealed class SearchBenchmarkReport(
    SearchBenchmarkOptions options,
    int entries,
    IReadOnlyList<BenchQuery> queries,
    IReadOnlyList<TargetMeasurement> measurements,
    IReadOnlyList<string> setup,
    string? postgresVersion)
{
    public const string SectionId = "catalog-search";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public string ToMarkdown()
    {
        var baseline = measurements[0];
        var md = new StringBuilder();
        Line(md, "## Catalog search: in-process index vs PostgreSQL");
        Line(md);
        Line(md, "```bash");
        Line(md, "dotnet run -c Release --project tests/Marketplace.Benchmarks -- search " + string.Join(' ', options.Arguments));
        Line(md, "```");
        Line(md);
        Line(md, $"- date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Line(md, $"- machine: {MachineDescription.Describe()}");
        Line(md, $"- catalog: {entries:N0} generated listings (seed {options.Seed}): half models, a third integrators, the rest hardware; skewed word, partner and facet-value frequencies; 8 % unpriced, prices in USD (80 %), EUR, GBP, JPY");
        Line(md, $"- queries: {queries.Count:N0} measured per target after {options.WarmupQueries:N0} different warm-up queries, one at a time from one client (latency = one search including its facets; throughput = queries / wall time)");
        if (postgresVersion is not null)
        {
            Line(md, $"- PostgreSQL {postgresVersion} (throwaway server, default planner settings, fsync off), one connection; the in-process side runs in the benchmark process itself");
        }
        Line(md);
        Line(md, "Query mix (equal shares, every query also computes all eight facets):");
        Line(md);
        Line(md, "| category | what |");
        Line(md, "| --- | --- |");
        foreach (var (category, description) in QueryMix.Categories)
        {
            Line(md, $"| {category} | {description} |");
        }
        Line(md);
        if (postgresVersion is not null)
        {
            Line(md, "What PostgreSQL computes per query, in one batch (one round trip): the page (`search @@ to_tsquery('simple', 'w1:* & w2:*')` AND the filters, " +
                "`ORDER BY ts_rank(...) DESC, published_at DESC, id` or the same sort as the index, `LIMIT/OFFSET`), `count(*)`, and one `GROUP BY` per facet " +
                "(kind, industry, task, licence, deployment, region via `unnest`, price and memory ranges via `width_bucket`) over the rows matching the text and every " +
                "filter but the facet's own. Table: a stored generated `tsvector` (weight A name; B partner, tags, task, accelerator; C summary, industries, capabilities, " +
                "licence, modality) with a GIN index, GIN indexes on the industry/region/deployment arrays, btree indexes on kind, task, licence, (currency, price), memory, " +
                "(published_at, id) and (upper(name), id).");
            Line(md);
        }
        Line(md, "| target | p50 ms | p90 ms | p99 ms | max ms | queries/s | p50 × in-process | p99 × in-process | throughput × in-process |");
        Line(md, "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var m in measurements)
        {
            var s = m.Overall;
            Line(md, $"| {m.Name} | {Ms(s.P50Ms)} | {Ms(s.P90Ms)} | {Ms(s.P99Ms)} | {Ms(s.MaxMs)} | {s.QueriesPerSecond.ToString("N0", Invariant)} | " +
                $"{Ratio(s.P50Ms, baseline.Overall.P50Ms)} | {Ratio(s.P99Ms, baseline.Overall.P99Ms)} | {Ratio(s.QueriesPerSecond, baseline.Overall.QueriesPerSecond)} |");
        }
        Line(md);
        Line(md, "p50 / p99 in ms by category:");
        Line(md);
        Line(md, "| category | " + string.Join(" | ", measurements.Select(m => m.Name)) + " |");
        Line(md, "| --- |" + string.Concat(measurements.Select(_ => " ---: |")));
        foreach (var (category, _) in QueryMix.Categories)
        {
            Line(md, $"| {category} | " + string.Join(" | ", measurements.Select(m => m.ByCategory.TryGetValue(category, out var s) ? $"{Ms(s.P50Ms)} / {Ms(s.P99Ms)}" : "-")) + " |");
        }
        Line(md);
        foreach (var other in measurements.Skip(1))
        {
            var compared = other.Totals.Select((total, i) => (total, expected: baseline.Totals[i])).Where(t => t.total is not null).ToList();
            var agree = compared.Count(t => t.total == t.expected);
            Line(md, $"Totals: {other.Name} agrees with the in-process index on {agree:N0} of {compared.Count:N0} queries.");
        }
        foreach (var m in measurements)
        {
            Line(md, $"Slowest query, {m.Name}: {Ms(m.Slowest.Ms)} ms, {m.Slowest.Query.Category} `{m.Slowest.Query.ToQueryString()}`.");
        }
        Line(md, "1-minute load average before → after measuring: " + string.Join("; ", measurements.Select(m => $"{m.Name} {m.LoadBeforeAndAfter}")) +
            $" ({Environment.ProcessorCount} cores; a load above that means other work competed for the CPU and inflates the tails).");
        Line(md);
        Line(md, "Setup: " + string.Join("; ", setup) + ".");
        return md.ToString();
    }

    private static string Ms(double milliseconds) => milliseconds.ToString(milliseconds < 10 ? "F2" : "F1", Invariant);

    private static string Ratio(double value, double baseline)
    {
        if (baseline <= 0)
        {
            return "-";
        }
        var ratio = value / baseline;
        return ratio.ToString(ratio >= 10 ? "F0" : ratio >= 1 ? "F1" : "G2", Invariant) + "×";
    }

    private static void Line(StringBuilder md, string text = "") => md.Append(text).Append('\n');
}
