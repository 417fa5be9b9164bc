using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Marketplace.Application.Solutions;
using Marketplace.Benchmarks.Search;
using Marketplace.Domain.Solutions;
using Marketplace.Testing;
using Marketplace.Testing.Solutions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Marketplace.Benchmarks.Solutions;

/// <summary>
/// The configurator's search against its brute-force reference and over HTTP, on one generated
/// catalog and the same requests: latency per request, the speed-up, and whether the answers agree.
/// </summary>
public static class SolutionBenchmark
{
    public const string Usage = "solutions [--models 1000] [--integrators 300] [--hardware 200] [--requests 200] [--top 10] [--no-http] [--no-write]";

    public static async Task<int> RunAsync(string[] args)
    {
        int Option(string name, int fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
        var (models, integrators, hardware, requestCount, top) = (Option("--models", 1000), Option("--integrators", 300), Option("--hardware", 200), Option("--requests", 200), Option("--top", 10));
        var generated = Stopwatch.StartNew();
        var offers = GeneratedSolutionCatalog.Generate(models, integrators, hardware, seed: 42);
        var requests = GeneratedSolutionCatalog.Requests(requestCount, seed: 7);
        var calibration = new EfficiencyCalibration(offers.Models, offers.Hardware);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var problems = requests.Select(r => new SolutionProblem
        {
            Requirements = r, Models = offers.Models, Integrators = offers.Integrators, Hardware = offers.Hardware,
            Terms = PriceTerms.Default with { TakeRateBasisPoints = 1000 }, Calibration = calibration, Today = today, Top = top,
        }).ToList();
        Console.WriteLine($"Generated {models} models × {integrators} integrators × {hardware} hardware offerings and {requestCount} requests in {generated.Elapsed.TotalSeconds:0.0} s");
        var loadBefore = MachineDescription.LoadAverage();

        foreach (var problem in problems.Take(20))
        {
            SolutionSearch.Run(problem);
        }
        var search = Measure(problems, p => SolutionSearch.Run(p).Candidates.Select(c => (c.Key, c.TotalMinor)).ToList());
        Console.WriteLine($"search: p50 {Percentile(search.Times, 0.5):0.00} ms, p95 {Percentile(search.Times, 0.95):0.00} ms");
        var brute = Measure(problems, p => BruteForce.Top(p).Select(s => (s.Key, s.Total)).ToList());
        Console.WriteLine($"brute force: p50 {Percentile(brute.Times, 0.5):0.00} ms, p95 {Percentile(brute.Times, 0.95):0.00} ms");
        var agree = search.Answers.Zip(brute.Answers).Count(x => x.First.SequenceEqual(x.Second));
        (List<double> Times, List<List<(string, long)>> Answers)? http = null;
        if (!args.Contains("--no-http"))
        {
            http = await OverHttpAsync(offers, requests, top);
            Console.WriteLine($"HTTP: p50 {Percentile(http.Value.Times, 0.5):0.00} ms, p95 {Percentile(http.Value.Times, 0.95):0.00} ms");
        }
        var report = Report(models, integrators, hardware, requests, top, search, brute, agree, http, loadBefore);
        Console.WriteLine(report);
        if (!args.Contains("--no-write"))
        {
            BenchmarksDocument.WriteSection(Path.Combine(RepositoryPaths.Root, "docs", "benchmarks.md"), "solutions", report);
        }
        return agree == requests.Count && (http is null || http.Value.Answers.Zip(brute.Answers).All(x => x.First.SequenceEqual(x.Second))) ? 0 : 1;
    }

    private static (List<double> Times, List<List<(string, long)>> Answers) Measure(List<SolutionProblem> problems, Func<SolutionProblem, List<(string, long)>> run)
    {
        var times = new List<double>();
        var answers = new List<List<(string, long)>>();
        foreach (var problem in problems)
        {
            var started = Stopwatch.GetTimestamp();
            answers.Add(run(problem));
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return (times, answers);
    }

    /// <summary>The host's endpoint with its offers replaced by the generated catalog: API key, mediator, search, JSON.</summary>
    private static async Task<(List<double> Times, List<List<(string, long)>> Answers)> OverHttpAsync(OfferSet offers, IReadOnlyList<SolutionRequirements> requests, int top)
    {
        using var data = new TempDirectory("solutions-bench");
        await using var factory = new HostFactory(data.Path, offers);
        factory.UseKestrel(0);
        factory.StartServer();
        using var admin = factory.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new("Bearer", HostFactory.AdminKey);
        var organization = (await (await admin.PostAsJsonAsync("/api/v1/admin/organizations", new { name = "Benchmark bank", type = "Customer" })).Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        var key = (await (await admin.PostAsJsonAsync($"/api/v1/admin/organizations/{organization}/api-keys", new { name = "bench", role = "Member" })).Content.ReadFromJsonAsync<JsonObject>())!["key"]!.GetValue<string>();
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        var bodies = requests.Select(r => new
        {
            industry = r.Industry,
            roles = r.Roles.Select(x => new { role = x.Role, task = x.Task }),
            peakRequestsPerSecond = r.PeakRequestsPerSecond,
            latencyP95Ms = r.LatencyP95Ms,
            inputTokens = r.InputTokens,
            outputTokens = r.OutputTokens,
            deployment = r.Deployment.ToString(),
            region = r.Region,
            termMonths = r.TermMonths,
            currency = r.Currency,
            redundancy = r.Redundancy,
            top,
        }).ToList();
        foreach (var body in bodies.Take(20))
        {
            (await client.PostAsJsonAsync("/api/v1/solutions/candidates", body)).EnsureSuccessStatusCode();
        }
        var times = new List<double>();
        var answers = new List<List<(string, long)>>();
        foreach (var body in bodies)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await client.PostAsJsonAsync("/api/v1/solutions/candidates", body);
            var answer = (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>())!;
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            answers.Add(answer["candidates"]!.AsArray().Select(c => (
                SolutionSearch.KeyOf(c!["hardware"]!["id"]!.GetValue<string>(), c["models"]!.AsArray().Select(m => m!["id"]!.GetValue<string>()), c["integrator"]!["id"]!.GetValue<string>()),
                c["totalCostMinor"]!.GetValue<long>())).ToList());
        }
        return (times, answers);
    }

    private static string Report(
        int models, int integrators, int hardware, IReadOnlyList<SolutionRequirements> requests, int top,
        (List<double> Times, List<List<(string, long)>> Answers) search, (List<double> Times, List<List<(string, long)>> Answers) brute, int agree,
        (List<double> Times, List<List<(string, long)>> Answers)? http, string loadBefore)
    {
        var text = new StringBuilder();
        text.AppendLine("## Solution configurator: exact top-k search vs brute force, in-process and over HTTP");
        text.AppendLine();
        text.AppendLine("```bash");
        text.AppendLine($"dotnet run -c Release --project tests/Marketplace.Benchmarks -- solutions --models {models} --integrators {integrators} --hardware {hardware} --requests {requests.Count} --top {top}");
        text.AppendLine("```");
        text.AppendLine();
        text.AppendLine(Invariant($"- date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; machine: {MachineDescription.Describe()}"));
        text.AppendLine(Invariant($"- catalog: {models} models × {integrators} integrator offerings × {hardware} hardware offerings, generated from seed 42 (five tasks, decoders with their shapes, 20 % of encoders measured, 20 % of integrators certified for some listings, real accelerator figures)"));
        text.AppendLine(Invariant($"- requests: {requests.Count} from seed 7 ({requests.Count(r => r.Roles.Count > 1)} with two roles, retrieval + generation), top {top} each; 20 warm-up requests first; one at a time"));
        text.AppendLine("- search = `SolutionSearch.Run` (per-listing rules, every model sized on every remaining server, best-first top-k, exclusions with reasons); brute force = every hardware × model-per-role combination sized and priced with, per combination, its cheapest `top` certified integrators (a dearer one cannot reach the top), then sorted (`BruteForce.Top` in tests/Marketplace.Testing; the property tests check it against the full product); HTTP = `POST /api/v1/solutions/candidates` on the real host (Kestrel, loopback, API key, mediator pipeline, JSON), its offers replaced by the same generated catalog");
        text.AppendLine();
        text.AppendLine("| target | p50 ms | p95 ms | p99 ms | max ms | total s | p50 × search | total × search |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        Row("search (in-process)", search.Times, search.Times);
        Row("brute force (in-process)", brute.Times, search.Times);
        if (http is { } h)
        {
            Row("HTTP endpoint", h.Times, search.Times);
        }
        text.AppendLine();
        text.AppendLine(Invariant($"Answers: the search's top {top} equals brute force's (same listings, same totals, same order) on {agree} of {requests.Count} requests{(http is { } hh ? $"; the HTTP endpoint's on {hh.Answers.Zip(brute.Answers).Count(x => x.First.SequenceEqual(x.Second))} of {requests.Count}" : "")}."));
        text.AppendLine(Invariant($"Requests with at least one solution: {brute.Answers.Count(a => a.Count > 0)} of {requests.Count}. Speed-up of the search over brute force: {Percentile(brute.Times, 0.5) / Percentile(search.Times, 0.5):0}× at p50, {brute.Times.Sum() / search.Times.Sum():0}× in total time."));
        text.AppendLine(Invariant($"1-minute load average before → after: {loadBefore} → {MachineDescription.LoadAverage()} (2 cores)."));
        return text.ToString();

        void Row(string name, List<double> times, List<double> baseline) =>
            text.AppendLine(Invariant($"| {name} | {Percentile(times, 0.5):0.00} | {Percentile(times, 0.95):0.00} | {Percentile(times, 0.99):0.00} | {times.Max():0.00} | {times.Sum() / 1000:0.00} | {Percentile(times, 0.5) / Percentile(baseline, 0.5):0.0}× | {times.Sum() / baseline.Sum():0.0}× |"));
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private sealed class HostFactory(string dataPath, OfferSet offers) : WebApplicationFactory<Marketplace.Host.Hosting.InferenceSettings>
    {
        public const string AdminKey = "solutions-benchmark-admin-key";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Marketplace:DataPath", dataPath);
            builder.UseSetting("Marketplace:Bootstrap:AdminApiKey", AdminKey);
            builder.UseSetting("Marketplace:Demo:Enabled", "false");
            builder.UseSetting("Marketplace:Sandbox:BenchmarkOnUpload", "false");
            builder.UseSetting("Marketplace:Cluster:SiloPort", FreePort.Next().ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("Marketplace:Cluster:GatewayPort", FreePort.Next().ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseContentRoot(Path.Combine(RepositoryPaths.Root, "src", "Marketplace.Host"));
            builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<ISolutionOffers>(new FixedOffers(offers))));
        }
    }

    private sealed class FixedOffers(OfferSet offers) : ISolutionOffers
    {
        public Task<OfferSet> LoadAsync() => Task.FromResult(offers);
    }
}
