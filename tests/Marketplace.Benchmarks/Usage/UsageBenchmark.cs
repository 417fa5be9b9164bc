using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Marketplace.Abstractions.Billing;
using Marketplace.Storage.Billing;
using Marketplace.Storage.Relational;
using Marketplace.Testing;

namespace Marketplace.Benchmarks.Usage;

/// <summary>
/// Metered usage ingestion: a day of usage records posted to the real host (its own process,
/// Release build) in batches by concurrent deployments, embedded (SQLite) and in cluster mode
/// (PostgreSQL + Redis); each figure beside the usage store written directly in the same run (the
/// baseline: the database's own cost of the same rows). Then the same day is replayed three times:
/// every record must come back a duplicate and no invoice or usage total may change.
/// </summary>
public static class UsageBenchmark
{
    public const string Usage = "usage [--events N (default 200000)] [--batch N (default 1000)] [--clients N (default 4)] [--no-write]";

    private const string AdminKey = "usage-benchmark-admin-key";

    public static async Task<int> RunAsync(string[] args)
    {
        var events = Option(args, "--events", 200_000);
        var batch = Option(args, "--batch", 1_000);
        var clients = Option(args, "--clients", 4);
        var rows = new List<string>();
        var replays = new List<string>();
        using var data = new TempDirectory("usage-bench");

        foreach (var mode in new[] { "embedded (SQLite)", "cluster (PostgreSQL + Redis)" })
        {
            await using var postgres = mode.StartsWith("cluster", StringComparison.Ordinal) ? await PostgresServer.StartAsync() : null;
            await using var redis = postgres is null ? null : await RedisServer.StartAsync();
            var settings = new Dictionary<string, string>
            {
                ["Marketplace:DataPath"] = Path.Combine(data.Path, postgres is null ? "embedded" : "cluster"),
                ["Marketplace:Bootstrap:AdminApiKey"] = AdminKey,
                ["Marketplace:Demo:Enabled"] = "false",
                ["Marketplace:Sandbox:BenchmarkOnUpload"] = "false",
                ["Marketplace:Cluster:SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
                ["Marketplace:Cluster:GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            };
            string? connection = null;
            if (postgres is not null)
            {
                connection = await postgres.CreateDatabaseAsync();
                settings["Marketplace:Mode"] = "Cluster";
                settings["Marketplace:Cluster:AdvertisedAddress"] = "127.0.0.1";
                settings["ConnectionStrings:Postgres"] = connection;
                settings["ConnectionStrings:Redis"] = redis!.ConnectionString;
            }
            await using var host = new HostProcess(settings);
            await host.StartAsync(TimeSpan.FromMinutes(3));
            var (customer, orderId, lineId) = await MeteredOrderAsync(host);
            var day = Enumerable.Range(0, events).Select(i => $$"""{"id":"d{{i}}","orderLineId":"{{lineId}}","quantity":{{1 + (i % 7)}},"unit":"inference","at":"{{DateTimeOffset.UtcNow:O}}"}""").ToList();
            var bodies = day.Chunk(batch).Select(chunk => "{\"events\":[" + string.Join(",", chunk) + "]}").ToList();

            var ingest = await PostAllAsync(customer, bodies, clients);
            var before = await StateAsync(customer, orderId);
            var replayed = new List<(Throughput Run, bool Unchanged)>();
            for (var replay = 0; replay < 3; replay++)
            {
                var run = await PostAllAsync(customer, bodies, clients);
                replayed.Add((run, await StateAsync(customer, orderId) == before && run.Duplicates == events && run.Accepted == 0));
            }
            var baseline = await BaselineAsync(postgres is null ? new SqliteDialect(Path.Combine(data.Path, "baseline-" + Guid.NewGuid().ToString("N") + ".db")) : new PostgresDialect(Npgsql.NpgsqlDataSource.Create(await postgres.CreateDatabaseAsync())),
                events, batch, clients);

            Console.WriteLine($"{mode}: endpoint {ingest.PerSecond:N0} events/s (accepted {ingest.Accepted:N0}), store alone {baseline.PerSecond:N0} events/s, replays {string.Join(", ", replayed.Select(r => $"{r.Run.PerSecond:N0}/s unchanged={r.Unchanged}"))}");
            rows.Add($"| {mode} | {ingest.PerSecond:N0} | {baseline.PerSecond:N0} | {ingest.PerSecond / baseline.PerSecond:0.00}× | {(ingest.PerSecond >= 20_000 ? "met" : "**not met**")} |");
            replays.Add($"| {mode} | {ingest.Accepted:N0} accepted, {ingest.Refused} refused | {string.Join(" · ", replayed.Select(r => $"{r.Run.Duplicates:N0} duplicates, {r.Run.Accepted} accepted, {r.Run.PerSecond:N0}/s"))} | {(replayed.All(r => r.Unchanged) ? "yes" : "**no**")} |");
            if (ingest.Accepted != events || replayed.Any(r => !r.Unchanged))
            {
                Console.Error.WriteLine($"{mode}: ingestion or replay check failed; host output:\n{host.Output}");
                return 1;
            }
        }

        var report = new StringBuilder()
            .AppendLine("## Metered usage ingestion")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Command: `dotnet run -c Release --project tests/Marketplace.Benchmarks -- usage --events {events} --batch {batch} --clients {clients}` ({DateTime.UtcNow:yyyy-MM-dd}, {Search.MachineDescription.Describe()}, load {Search.MachineDescription.LoadAverage()}).")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"One day of usage, {events:N0} records for one order line, posted to `POST /api/v1/usage/events` of the real host (a separate Release process) in batches of {batch:N0} by {clients} concurrent clients; each batch is written in one transaction before it is answered. Baseline: the same rows written by the usage store directly in the same run, same batches and concurrency (the database's own cost). Target: ≥ 20,000 events/s.")
            .AppendLine()
            .AppendLine("| Mode | Endpoint events/s | Store alone events/s | Endpoint ÷ store | ≥ 20,000/s |")
            .AppendLine("| --- | ---: | ---: | ---: | --- |");
        rows.ForEach(r => report.AppendLine(r));
        report.AppendLine()
            .AppendLine("Replaying the same day three times (the same records resent): every record must answer `duplicate`, and the order's metered usage and its invoices (ids, statuses, totals) must read back exactly as before.")
            .AppendLine()
            .AppendLine("| Mode | First pass | Replays 1 · 2 · 3 | Invoices and usage unchanged |")
            .AppendLine("| --- | --- | --- | --- |");
        replays.ForEach(r => report.AppendLine(r));
        Console.WriteLine(report);
        if (!args.Contains("--no-write"))
        {
            BenchmarksDocument.WriteSection(Path.Combine(RepositoryPaths.Root, "docs", "benchmarks.md"), "usage", report.ToString());
        }
        return 0;
    }

    private sealed record Throughput(double PerSecond, int Accepted, int Duplicates, int Refused);

    private static async Task<Throughput> PostAllAsync(HttpClient customer, IReadOnlyList<string> bodies, int clients)
    {
        var next = -1;
        int accepted = 0, duplicates = 0, refused = 0, records = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < bodies.Count)
            {
                using var response = await customer.PostAsync("/api/v1/usage/events", new StringContent(bodies[i], Encoding.UTF8, "application/json"));
                var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"usage batch answered {(int)response.StatusCode}: {answer}");
                }
                Interlocked.Add(ref accepted, answer["accepted"]!.GetValue<int>());
                Interlocked.Add(ref duplicates, answer["duplicates"]!.GetValue<int>());
                Interlocked.Add(ref refused, answer["refused"]!.GetValue<int>());
                Interlocked.Add(ref records, answer["events"]!.AsArray().Count);
            }
        }));
        return new Throughput(records / clock.Elapsed.TotalSeconds, accepted, duplicates, refused);
    }

    private static async Task<Throughput> BaselineAsync(ISqlDialect dialect, int events, int batch, int clients)
    {
        var store = new RelationalMeteredUsageStore(new RelationalSchema(dialect));
        var now = DateTimeOffset.UtcNow;
        var batches = Enumerable.Range(0, events)
            .Select(i => new MeteredUsage("ord_baseline", $"d{i}", "ord_baseline.1", "lst_model", "inference", 1 + (i % 7), now, now, "benchmark"))
            .Chunk(batch).ToList();
        await store.ExistingAsync("ord_baseline", ["warm-up"], CancellationToken.None);
        var next = -1;
        var recorded = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < batches.Count)
            {
                Interlocked.Add(ref recorded, (await store.AppendAsync(batches[i], CancellationToken.None)).Count(r => r));
            }
        }));
        return new Throughput(events / clock.Elapsed.TotalSeconds, recorded, 0, 0);
    }

    /// <summary>What a replay must not change: the order's usage and every invoice of the customer, as the API reads them.</summary>
    private static async Task<string> StateAsync(HttpClient customer, string orderId) =>
        await customer.GetStringAsync($"/api/v1/orders/{orderId}/usage") + "\n" + await customer.GetStringAsync("/api/v1/invoices");

    private static async Task<(HttpClient Customer, string OrderId, string LineId)> MeteredOrderAsync(HostProcess host)
    {
        var admin = host.ClientWithKey(AdminKey);
        var organization = await ReadAsync(await admin.PostAsJsonAsync("/api/v1/admin/organizations", new { name = "Usage Benchmark Bank", type = "Customer" }));
        var key = await ReadAsync(await admin.PostAsJsonAsync($"/api/v1/admin/organizations/{organization["id"]}/api-keys", new { name = "deployment", role = "Owner" }));
        var customer = host.ClientWithKey(key["key"]!.GetValue<string>());
        var requirements = new { industry = "finance", task = "text-embedding", peakRequestsPerSecond = 20, latencyP95Ms = 200, deployment = "Cloud", region = "DE", termMonths = 12, currency = "USD", top = 1 };
        var best = (await ReadAsync(await customer.PostAsJsonAsync("/api/v1/solutions/candidates", requirements)))["candidates"]![0]!;
        var quote = await ReadAsync(await customer.PostAsJsonAsync("/api/v1/quotes", new
        {
            modelId = best["model"]!["id"]!.GetValue<string>(), integratorId = best["integrator"]!["id"]!.GetValue<string>(),
            hardwareId = best["hardware"]!["id"]!.GetValue<string>(), requirements,
        }));
        var order = await ReadAsync(await customer.PostAsync($"/api/v1/quotes/{quote["id"]}/accept", null));
        var orderId = order["orderId"]!.GetValue<string>();
        var lines = JsonNode.Parse(await customer.GetStringAsync($"/api/v1/orders/{orderId}"))!["meteredLines"]!.AsArray();
        return (customer, orderId, lines[0]!["id"]!.GetValue<string>());
    }

    private static async Task<JsonObject> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            return response.IsSuccessStatusCode ? JsonNode.Parse(text)!.AsObject() : throw new InvalidOperationException($"{(int)response.StatusCode}: {text}");
        }
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
