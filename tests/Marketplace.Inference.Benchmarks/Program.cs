using System.Globalization;
using System.Text;
using Marketplace.Inference;
using Marketplace.Inference.Benchmarking;
using Marketplace.Inference.Benchmarks;
using Marketplace.Inference.Execution;
using Marketplace.Inference.Models;
using Marketplace.Inference.Onnx;
using Onnx;

// Text generation: raw ONNX Runtime greedy loop vs the generation engine on a generated decoder.
if (args.Length > 0 && args[0] == "generation")
{
    return await Marketplace.Inference.Benchmarks.Generation.GenerationBenchmark.RunAsync(args);
}
// One run, one model (all-MiniLM-L6-v2), one input: raw ONNX Runtime vs the engine.
if (args.Length == 0 || args[0] != "engine")
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project tests/Marketplace.Inference.Benchmarks -- engine [--seconds N] [--rounds N] [--cpu-concurrency N] [--http-base-url URL --http-path PATH --http-body JSON | --no-http] [--before-base-url URL --before-label TEXT] [--no-breakdown] [--no-spinning] [--no-image] [--no-write]");
    Console.Error.WriteLine("       dotnet run -c Release --project tests/Marketplace.Inference.Benchmarks -- generation [--config smollm2|tiny] [--new-tokens 64] [--prompt-tokens 32] [--streams 8] [--rounds 3] [--pairs 5] [--threads N] [--device cpu|cuda:0] [--no-endpoint]");
    return 2;
}
var seconds = double.Parse(Option("--seconds") ?? "2", CultureInfo.InvariantCulture);
var duration = TimeSpan.FromSeconds(seconds);
var rounds = int.Parse(Option("--rounds") ?? "3", CultureInfo.InvariantCulture);
var cpuConcurrency = int.Parse(Option("--cpu-concurrency") ?? new InferenceEngineOptions().CpuConcurrency.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
const int Clients = 32;
const string Text = "The quick brown fox jumps over the lazy dog near the river bank.";

var miniLm = RealModels.MiniLm();
var (modelPath, vocabPath) = RealModels.MiniLmFiles(RealModels.DefaultDirectory);
using var engine = new InferenceEngine(new InferenceEngineOptions { Discovery = new() { DisableCuda = true }, CpuConcurrency = cpuConcurrency });
using var raw = new RawOrtTarget(modelPath, vocabPath, Text);
var input = ModelInput.FromText(Text);
var engineTarget = new EngineTrialTarget("engine RunAsync", engine, miniLm, input, new InferenceRequestOptions { DeviceId = "cpu" });
var engineAlone = new EngineTrialTarget("engine RunAsync, batching off", engine, miniLm, input, new InferenceRequestOptions { DeviceId = "cpu", AllowBatching = false });
await engine.PreloadAsync(miniLm, "cpu");

Console.WriteLine($"MiniLM, {raw.Tokens} tokens, CPU: {engine.Devices.Cpu.Name}");
var loadBefore = LoadAverage();
// Latency: alternate raw and engine in rounds so drift on a shared machine hits both alike.
var rawLatencies = new List<LatencyStats>();
var engineLatencies = new List<LatencyStats>();
for (var round = 0; round < rounds; round++)
{
    rawLatencies.Add(await LoadGenerator.MeasureLatencyAsync(raw, 20, 200));
    engineLatencies.Add(await LoadGenerator.MeasureLatencyAsync(engineTarget, 20, 200));
}
var rawLatency = Medians.Of(rawLatencies);
var engineLatency = Medians.Of(engineLatencies);

// Throughput: every configuration once per round, rounds alternating, median per configuration,
// so a burst of load from other processes does not land on one side only.
var mlp = GeneratedMlp(1024);
var smallMlp = GeneratedMlp(256);
var mlpInput = ModelInput.FromTensors(new TensorData("x", [1, 256], Enumerable.Range(0, 256).Select(i => i / 256.0).ToArray()));
await engine.PreloadAsync(mlp, "cpu");
await engine.PreloadAsync(smallMlp, "cpu");
var smallTarget = new EngineTrialTarget("small mlp", engine, smallMlp, mlpInput, new() { DeviceId = "cpu" });
var smallAlone = new EngineTrialTarget("small mlp", engine, smallMlp, mlpInput, new() { DeviceId = "cpu", AllowBatching = false });
var mlpTarget = new EngineTrialTarget("mlp", engine, mlp, mlpInput, new() { DeviceId = "cpu" });
var mlpAlone = new EngineTrialTarget("mlp", engine, mlp, mlpInput, new() { DeviceId = "cpu", AllowBatching = false });
var callers = new[] { 1, 2, 4, Clients };
var throughputs = new Rounds<ThroughputStats>();
for (var round = 0; round < rounds; round++)
{
    foreach (var c in callers)
    {
        throughputs.Add($"raw{c}", LoadGenerator.MeasureThroughput(raw, c, duration));
    }
    throughputs.Add("engine", LoadGenerator.MeasureThroughput(engineTarget, Clients, duration));
    throughputs.Add("engineAlone", LoadGenerator.MeasureThroughput(engineAlone, Clients, duration));
    throughputs.Add("mlp", LoadGenerator.MeasureThroughput(mlpTarget, Clients, duration));
    throughputs.Add("mlpAlone", LoadGenerator.MeasureThroughput(mlpAlone, Clients, duration));
    throughputs.Add("small", LoadGenerator.MeasureThroughput(smallTarget, Clients, duration));
    throughputs.Add("smallAlone", LoadGenerator.MeasureThroughput(smallAlone, Clients, duration));
}
var rawThroughput = callers.Select(c => Medians.Of(throughputs[$"raw{c}"])).ToList();
var rawBest = rawThroughput.MaxBy(t => t.InferencesPerSecond)!;
var engineThroughput = Medians.Of(throughputs["engine"]);
var engineUnbatched = Medians.Of(throughputs["engineAlone"]);
var mlpBatched = Medians.Of(throughputs["mlp"]);
var mlpUnbatched = Medians.Of(throughputs["mlpAlone"]);
var smallBatched = Medians.Of(throughputs["small"]);
var smallUnbatched = Medians.Of(throughputs["smallAlone"]);

ThroughputStats? http = null;
LatencyStats? httpLatency = null;
var httpBase = Option("--http-base-url");
HostedTrialEndpoint? hosted = null;
if (httpBase is null && !args.Contains("--no-http"))
{
    // The trial endpoint of the real host, started here, so raw and HTTP are measured in one run.
    hosted = await HostedTrialEndpoint.StartAsync();
    httpBase = hosted.BaseUrl.ToString();
    Environment.SetEnvironmentVariable("MARKETPLACE_API_KEY", HostedTrialEndpoint.AdminKey);
}
if (httpBase is not null)
{
    using var target = new HttpTrialTarget(
        new Uri(httpBase),
        Option("--http-path") ?? "/api/v1/sandbox/models/lst_all-minilm-l6-v2/trials",
        Option("--http-body") ?? $"{{\"texts\":[\"{Text}\"]}}");
    // Same alternating rounds as raw, medians taken, so drift hits both alike.
    var httpLatencies = new List<LatencyStats>();
    var httpThroughputs = new List<ThroughputStats>();
    for (var round = 0; round < rounds; round++)
    {
        // A fresh host's code is still being tiered up by the JIT; hundreds of requests first.
        httpLatencies.Add(await LoadGenerator.MeasureLatencyAsync(target, round == 0 ? 500 : 50, 200));
        httpThroughputs.Add(LoadGenerator.MeasureThroughput(target, Clients, duration));
    }
    httpLatency = Medians.Of(httpLatencies);
    http = Medians.Of(httpThroughputs);
}
// Where the endpoint's time goes, for this build and (with --before-base-url) an earlier one
// started by hand, measured alternately in the same run.
string? breakdown = null;
if (httpBase is not null && !args.Contains("--no-breakdown"))
{
    var key = Environment.GetEnvironmentVariable("MARKETPLACE_API_KEY") ?? "";
    var path = Option("--http-path") ?? "/api/v1/sandbox/models/lst_all-minilm-l6-v2/trials";
    var body = Option("--http-body") ?? $"{{\"texts\":[\"{Text}\"]}}";
    var hosts = new List<(string Name, Uri Url)>();
    if (Option("--before-base-url") is { } before)
    {
        hosts.Add(($"before ({Option("--before-label") ?? before})", new Uri(before)));
    }
    hosts.Add(("this build", new Uri(httpBase)));
    var figures = new Rounds<StepBreakdown.Figures>();
    for (var round = 0; round < rounds; round++)
    {
        foreach (var (name, url) in hosts)
        {
            figures.Add(name, await StepBreakdown.MeasureAsync(url, key, path, body, 300));
        }
    }
    breakdown = StepBreakdown.Table(hosts.Select(h => (h.Name, MedianOf(figures[h.Name]))).ToList(), rawLatency.P50Ms);
}
// ResNet-18 on the same host while it is up: the trial's fixed cost against a heavier model.
var imageTable = args.Contains("--no-image") ? null
    : await ImageComparison.MeasureAsync(engine, httpBase is null ? null : new Uri(httpBase), rounds, duration);
if (hosted is not null)
{
    await hosted.DisposeAsync();
}

// How ONNX Runtime's intra-op threads wait (Marketplace:Inference:CpuSpinning) moves the
// endpoint's latency more than anything else in the host: one host per setting, rounds alternating.
var spinning = new Rounds<LatencyStats>();
if (hosted is not null && !args.Contains("--no-spinning"))
{
    for (var round = 0; round < 2; round++)
    {
        foreach (var mode in Enum.GetValues<CpuSpinning>())
        {
            await using var host = await HostedTrialEndpoint.StartAsync(new Dictionary<string, string> { ["Marketplace:Inference:CpuSpinning"] = mode.ToString() });
            using var target = new HttpTrialTarget(host.BaseUrl, "/api/v1/sandbox/models/lst_all-minilm-l6-v2/trials", $"{{\"texts\":[\"{Text}\"]}}");
            spinning.Add(mode.ToString(), await LoadGenerator.MeasureLatencyAsync(target, 500, 300));
        }
    }
}

var table = new StringBuilder();
table.AppendLine("| measure | raw InferenceSession.Run | engine | ratio | target |");
table.AppendLine("| --- | ---: | ---: | ---: | --- |");
Row("p50 latency, 1 client (ms)", rawLatency.P50Ms, engineLatency.P50Ms, engineLatency.P50Ms / rawLatency.P50Ms, "≤ 1.15");
Row("p99 latency, 1 client (ms)", rawLatency.P99Ms, engineLatency.P99Ms, engineLatency.P99Ms / rawLatency.P99Ms, "≤ 1.5");
Row($"throughput, {Clients} clients (inferences/s; raw = best of 1/2/4/{Clients} callers, {rawBest.Concurrency})", rawBest.InferencesPerSecond, engineThroughput.InferencesPerSecond, engineThroughput.InferencesPerSecond / rawBest.InferencesPerSecond, "≥ 0.9");
table.AppendLine();
table.AppendLine("| batchable model, engine, 32 clients | unbatched (inferences/s) | batched (inferences/s) | batched / unbatched | target |");
table.AppendLine("| --- | ---: | ---: | ---: | --- |");
table.AppendLine(Invariant($"| all-MiniLM-L6-v2 ({raw.Tokens} tokens) | {engineUnbatched.InferencesPerSecond:0.0} | {engineThroughput.InferencesPerSecond:0.0} | {engineThroughput.InferencesPerSecond / engineUnbatched.InferencesPerSecond:0.00} | ≥ 2 |"));
table.AppendLine(Invariant($"| generated MLP 256→1024→1024→256 | {mlpUnbatched.InferencesPerSecond:0.0} | {mlpBatched.InferencesPerSecond:0.0} | {mlpBatched.InferencesPerSecond / mlpUnbatched.InferencesPerSecond:0.00} | ≥ 2 |"));
table.AppendLine(Invariant($"| generated MLP 256→256→256→256 | {smallUnbatched.InferencesPerSecond:0.0} | {smallBatched.InferencesPerSecond:0.0} | {smallBatched.InferencesPerSecond / smallUnbatched.InferencesPerSecond:0.00} | ≥ 2 |"));
table.AppendLine();
table.AppendLine(Invariant($"Raw throughput by callers: {string.Join(", ", rawThroughput.Select(t => $"{t.Concurrency}: {t.InferencesPerSecond:0.0}/s"))}. Engine latency p90 {engineLatency.P90Ms:0.000} ms vs raw {rawLatency.P90Ms:0.000} ms."));
if (http is not null && httpLatency is not null)
{
    table.AppendLine();
    table.AppendLine("| trial endpoint over HTTP vs raw | raw InferenceSession.Run | POST /api/v1/sandbox/models/{id}/trials | ratio | target |");
    table.AppendLine("| --- | ---: | ---: | ---: | --- |");
    table.AppendLine(Invariant($"| p50 latency, 1 client (ms) | {rawLatency.P50Ms:0.000} | {httpLatency.P50Ms:0.000} | {httpLatency.P50Ms / rawLatency.P50Ms:0.00} | ≤ 1.5 |"));
    table.AppendLine(Invariant($"| p99 latency, 1 client (ms) | {rawLatency.P99Ms:0.000} | {httpLatency.P99Ms:0.000} | {httpLatency.P99Ms / rawLatency.P99Ms:0.00} | ≤ 1.5 |"));
    table.AppendLine(Invariant($"| throughput, {Clients} clients (inferences/s) | {rawBest.InferencesPerSecond:0.0} | {http.InferencesPerSecond:0.0} | {http.InferencesPerSecond / rawBest.InferencesPerSecond:0.00} | ≥ 1.0 |"));
    table.AppendLine();
    table.AppendLine($"The endpoint is the real host in its own process ({httpBase}), embedded mode: API-key authentication (cached for a second), the mediator pipeline, the published model (cached per version), the trial's admission in the organisation's quota grain (count, compute reservation, idempotency), the sandbox runner grain, the engine, the usage-ledger row (a durable SQLite write, group-committed, written while the model runs), the settlement, and the JSON answer with the cost table; the HTTP client runs in this process and shares the machine's cores with the host. Targets are issue #7's.");
}
if (breakdown is not null)
{
    table.AppendLine();
    table.AppendLine(breakdown);
    table.AppendLine($"Each column: 300 sequential requests per step after 20 to warm up, {rounds} alternating rounds, medians; a step is the difference of two p50s, so small steps carry the noise of both.");
}
if (spinning.Keys.Any())
{
    table.AppendLine();
    table.AppendLine("| trial endpoint, 1 client, by `Marketplace:Inference:CpuSpinning` | p50 (ms) | p90 (ms) | p99 (ms) | p50 / raw p50 | p99 / raw p99 |");
    table.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
    foreach (var mode in spinning.Keys)
    {
        var m = Medians.Of(spinning[mode]);
        var isDefault = mode == new InferenceEngineOptions().CpuSpinning.ToString() ? " (default)" : "";
        table.AppendLine(Invariant($"| {mode}{isDefault} | {m.P50Ms:0.000} | {m.P90Ms:0.000} | {m.P99Ms:0.000} | {m.P50Ms / rawLatency.P50Ms:0.00} | {m.P99Ms / rawLatency.P99Ms:0.00} |"));
    }
    table.AppendLine();
    table.AppendLine("One fresh host per setting, 300 sequential trials each after 50 to warm up, two alternating rounds, medians.");
}
if (imageTable is not null)
{
    table.AppendLine();
    table.AppendLine(imageTable);
}
Console.WriteLine();
Console.WriteLine(table);

var load = $"load average {loadBefore} before, {LoadAverage()} after (other processes on this machine compete for its cores)";
Console.WriteLine(load);
if (!args.Contains("--no-write"))
{
    var section = BenchmarksDoc.Section(seconds, rounds, table.ToString(), $"{engine.Devices.Cpu.Name}; {load}");
    var path = BenchmarksDoc.Write(section);
    Console.WriteLine($"written to {path}");
}
return 0;

void Row(string what, double rawValue, double engineValue, double ratio, string target) =>
    table.AppendLine(Invariant($"| {what} | {rawValue:0.000} | {engineValue:0.000} | {ratio:0.00} | {target} |"));

string? Option(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

static StepBreakdown.Figures MedianOf(IReadOnlyList<StepBreakdown.Figures> all)
{
    static double M(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
    return new(M(all.Select(f => f.HealthP50)), M(all.Select(f => f.MeP50)), M(all.Select(f => f.TrialP50)), M(all.Select(f => f.TrialP99)), M(all.Select(f => f.EngineP50)));
}

static ModelDescriptor GeneratedMlp(int hidden)
{
    var random = new Random(7);
    float[] Weights(int n) => Enumerable.Range(0, n).Select(_ => (float)(random.NextDouble() - 0.5) / 16).ToArray();
    var bytes = new OnnxGraphBuilder("mlp")
        .Input("x", TensorProto.Types.DataType.Float, -1, 256)
        .Output("y", TensorProto.Types.DataType.Float, -1, 256)
        .FloatInitializer("w1", Weights(256 * hidden), 256, hidden)
        .FloatInitializer("w2", Weights(hidden * hidden), hidden, hidden)
        .FloatInitializer("w3", Weights(hidden * 256), hidden, 256)
        .Node("MatMul", ["x", "w1"], ["h1"]).Node("Relu", ["h1"], ["a1"])
        .Node("MatMul", ["a1", "w2"], ["h2"]).Node("Relu", ["h2"], ["a2"])
        .Node("MatMul", ["a2", "w3"], ["y"])
        .ToBytes();
    var path = Path.Combine(Path.GetTempPath(), $"marketplace-benchmark-mlp-{hidden}.onnx");
    File.WriteAllBytes(path, bytes);
    return new ModelDescriptor { ArtifactPath = path, Sha256 = RealModels.Sha256Of(path), Adapter = AdapterKind.Tensor };
}
