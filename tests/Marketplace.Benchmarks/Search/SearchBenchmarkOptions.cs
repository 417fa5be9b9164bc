using System.Globalization;

namespace Marketplace.Benchmarks.Search;

public sealed record SearchBenchmarkOptions
{
    public const string Usage = """
        search [--entries N] [--queries N] [--warmup N] [--seed N] [--http-base-url URL] [--skip-http] [--skip-postgres] [--no-docs]
          --entries        listings to generate (default 100000)
          --queries        measured queries per target (default 1200)
          --warmup         warm-up queries per target, not measured (default queries/10)
          --seed           seed of the catalog and the query mix (default 42)
          --http-base-url  measure GET {URL}/api/v1/catalog/search on a running host instead of starting one
          --skip-http      do not start the host in this process to measure search over HTTP
          --skip-postgres  measure without PostgreSQL
          --no-docs        print only; do not update docs/benchmarks.md
        """;

    public int Entries { get; init; } = 100_000;

    public int Queries { get; init; } = 1_200;

    public int? Warmup { get; init; }

    public int Seed { get; init; } = 42;

    public Uri? HttpBaseUrl { get; init; }

    public bool SkipPostgres { get; init; }

    public bool SkipHostedHttp { get; init; }

    public bool WriteDocs { get; init; } = true;

    public int WarmupQueries => Warmup ?? Math.Max(50, Queries / 10);

    /// <summary>The arguments as given, for the report's exact command.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    public static SearchBenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new SearchBenchmarkOptions { Arguments = args };
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Number() => int.Parse(Value(), NumberStyles.None, CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--entries" => options with { Entries = Number() },
                "--queries" => options with { Queries = Number() },
                "--warmup" => options with { Warmup = Number() },
                "--seed" => options with { Seed = Number() },
                "--http-base-url" => options with { HttpBaseUrl = new Uri(Value().TrimEnd('/') + "/", UriKind.Absolute) },
                "--skip-postgres" => options with { SkipPostgres = true },
                "--skip-http" => options with { SkipHostedHttp = true },
                "--no-docs" => options with { WriteDocs = false },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }
        if (options.Entries < 1 || options.Queries < 1)
        {
            throw new ArgumentException("--entries and --queries must be at least 1.");
        }
        return options;
    }
}
