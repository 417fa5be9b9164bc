using System.Diagnostics;
using System.Globalization;
using Marketplace.Inference.Generation;
using Marketplace.Inference.Models;
using Marketplace.Inference.Onnx.Decoders;

namespace Marketplace.Inference.Benchmarks.Generation;

/// <summary>
/// Raw ONNX Runtime greedy loop vs the generation engine in this process vs the host's generation
/// endpoint over HTTP (server-sent events, the real host process with the decoder listed, validated
/// and approved like any vendor's), in one run, on a generated decoder (SmolLM2-135M-shaped by
/// default, seeded random weights: gibberish text, real speed): decode tokens/s at batch 1, time to
/// first token against raw prefill, and aggregate tokens/s of concurrent streams against the same
/// streams one at a time. Rounds alternate the targets so a burst of load from other processes hits
/// all of them; medians are reported.
/// </summary>
internal static class GenerationBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var config = Option(args, "--config") == "tiny" ? LlamaDecoderConfig.Tiny : LlamaDecoderConfig.SmolLm2_135M;
        var newTokens = Int(args, "--new-tokens", 64);
        var promptTokens = Int(args, "--prompt-tokens", 32);
        var streams = Int(args, "--streams", 8);
        var rounds = Int(args, "--rounds", 3);
        var threads = Int(args, "--threads", 0);
        var deviceId = Option(args, "--device");
        var pairs = Int(args, "--pairs", 5);
        var withEndpoint = !args.Contains("--no-endpoint");

        var path = await ModelFileAsync(config);
        // Printable ASCII, so the byte tokenizer gives the endpoint exactly these ids as its prompt.
        var prompt = Enumerable.Range(0, promptTokens).Select(i => 'a' + (i * 7 % 26)).ToArray();
        var promptText = new string(prompt.Select(id => (char)id).ToArray());
        var model = new DecoderModel { ArtifactPath = path, Sha256 = RealModels.Sha256Of(path), Tokenizer = ByteLevelBpeTokenizer.ByteAlphabet() };
        using var engine = new GenerationEngine(new GenerationEngineOptions
        {
            Discovery = new() { DisableCuda = deviceId is null or "cpu" },
            CpuIntraOpThreads = threads,
            MaxBatchSize = Math.Max(streams, 1),
        });
        var device = deviceId ?? engine.Devices.Devices[0].Id;
        using var raw = new RawGreedyLoop(path, threads, device.StartsWith("cuda:", StringComparison.Ordinal)
            ? o => o.AppendExecutionProvider_CUDA(int.Parse(device.AsSpan(5), CultureInfo.InvariantCulture))
            : null);
        await engine.LoadAsync(model, device);
        GenerationRequest Request() => new() { PromptTokenIds = prompt, MaxNewTokens = newTokens, DeviceId = device };
        Console.WriteLine($"{config.Layers} layers, {config.Hidden} wide, {config.Heads}/{config.KvHeads} heads, vocabulary {config.Vocabulary}: {config.ParameterCount / 1e6:0.0} M parameters; prompt {promptTokens} tokens, {newTokens} new; device {device}; {Environment.ProcessorCount} cores");

        await using var endpoint = withEndpoint ? await GenerationEndpoint.StartAsync(path, streams, threads) : null;

        // Warm every path, and check they agree before timing them.
        var rawTokens = raw.Generate(prompt, newTokens).Tokens;
        var engineTokens = (await engine.GenerateAsync(model, Request())).Tokens;
        Console.WriteLine(rawTokens.SequenceEqual(engineTokens) ? "raw and engine produce the same greedy tokens" : "WARNING: raw and engine tokens differ");
        if (endpoint is not null)
        {
            var endpointTokens = (await endpoint.GenerateAsync(promptText, newTokens)).Tokens;
            Console.WriteLine(rawTokens.SequenceEqual(endpointTokens) ? "raw and endpoint produce the same greedy tokens" : "WARNING: raw and endpoint tokens differ");
        }

        var samples = new Rounds<double>();
        for (var round = 0; round < rounds; round++)
        {
            // Batch 1 in adjacent triples (raw, engine, endpoint), so a burst of load from elsewhere
            // lands on all three; each triple also gives a paired endpoint/raw ratio.
            for (var pair = 0; pair < pairs; pair++)
            {
                var r = raw.Generate(prompt, newTokens);
                samples.Add("raw prefill", r.PrefillMs);
                samples.Add("raw decode", r.DecodeTokensPerSecond);
                var e = await engine.GenerateAsync(model, Request());
                samples.Add("engine ttft", e.TimeToFirstTokenMs);
                samples.Add("engine decode", e.DecodeTokensPerSecond);
                if (endpoint is not null)
                {
                    var g = await endpoint.GenerateAsync(promptText, newTokens);
                    samples.Add("endpoint ttft", g.TimeToFirstTokenMs);
                    samples.Add("endpoint decode", g.DecodeTokensPerSecond);
                    samples.Add("endpoint server decode", g.ServerTokensPerSecond);
                    samples.Add("endpoint server ttft", g.ServerTimeToFirstTokenMs);
                    samples.Add("paired decode ratio", g.DecodeTokensPerSecond / r.DecodeTokensPerSecond);
                    samples.Add("paired ttft ratio", g.TimeToFirstTokenMs / r.PrefillMs);
                }
            }
            samples.Add("engine sequential", await AggregateAsync(streams, concurrently: false, async () => (await engine.GenerateAsync(model, Request())).OutputTokens));
            samples.Add("engine concurrent", await AggregateAsync(streams, concurrently: true, async () => (await engine.GenerateAsync(model, Request())).OutputTokens));
            var line = Invariant($"round {round + 1}: raw prefill {Last(samples, "raw prefill"):0.0} ms, decode {Last(samples, "raw decode"):0.0} tok/s; engine TTFT {Last(samples, "engine ttft"):0.0} ms, decode {Last(samples, "engine decode"):0.0} tok/s, {streams} streams {Last(samples, "engine concurrent"):0.0} vs one at a time {Last(samples, "engine sequential"):0.0} tok/s");
            if (endpoint is not null)
            {
                async Task<int> OneAsync() => (await endpoint.GenerateAsync(promptText, newTokens)).Tokens.Count;
                samples.Add("endpoint sequential", await AggregateAsync(streams, concurrently: false, OneAsync));
                samples.Add("endpoint concurrent", await AggregateAsync(streams, concurrently: true, OneAsync));
                line += Invariant($"; endpoint TTFT {Last(samples, "endpoint ttft"):0.0} ms (engine in the host {Last(samples, "endpoint server ttft"):0.0}), decode {Last(samples, "endpoint decode"):0.0} tok/s (host says {Last(samples, "endpoint server decode"):0.0}), {streams} streams {Last(samples, "endpoint concurrent"):0.0} vs one at a time {Last(samples, "endpoint sequential"):0.0} tok/s");
            }
            Console.WriteLine(line);
        }

        Console.WriteLine();
        Console.WriteLine("| measure | raw ONNX Runtime loop | engine in process | endpoint (HTTP, SSE) | endpoint ratio | target |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | --- |");
        string Endpoint(string name, string format) => endpoint is null ? "not run" : Median(samples, name).ToString(format, CultureInfo.InvariantCulture);
        string Ratio(string name, string baseline) => endpoint is null ? "" : (Median(samples, name) / Median(samples, baseline)).ToString("0.00", CultureInfo.InvariantCulture);
        Console.WriteLine(Invariant($"| decode tokens/s, batch 1 | {Median(samples, "raw decode"):0.0} | {Median(samples, "engine decode"):0.0} | {Endpoint("endpoint decode", "0.0")} | {Ratio("endpoint decode", "raw decode")} | ≥ 0.9 |"));
        Console.WriteLine(Invariant($"| time to first token p50 (ms; raw: prefill) | {Median(samples, "raw prefill"):0.0} | {Median(samples, "engine ttft"):0.0} | {Endpoint("endpoint ttft", "0.0")} | {Ratio("endpoint ttft", "raw prefill")} | ≤ 1.2 |"));
        Console.WriteLine(Invariant($"| aggregate tokens/s, one stream at a time | | {Median(samples, "engine sequential"):0.0} | {Endpoint("endpoint sequential", "0.0")} | | |"));
        Console.WriteLine(Invariant($"| aggregate tokens/s, {streams} concurrent streams | | {Median(samples, "engine concurrent"):0.0} | {Endpoint("endpoint concurrent", "0.0")} | {Ratio("endpoint concurrent", "endpoint sequential")} (vs one at a time) | ≥ 2 |"));
        if (endpoint is not null)
        {
            Console.WriteLine(Invariant($"endpoint vs raw, median of {rounds * pairs} adjacent pairs: decode {Median(samples, "paired decode ratio"):0.00}x, time to first token {Median(samples, "paired ttft ratio"):0.00}x raw prefill"));
            Console.WriteLine(Invariant($"endpoint time to first token p50: {Median(samples, "endpoint ttft"):0.0} ms at the client, {Median(samples, "endpoint server ttft"):0.0} ms in the host's engine (the rest is HTTP, admission and the first event on the wire)"));
        }
        Console.WriteLine(Invariant($"engine in process: decode {Median(samples, "engine decode") / Median(samples, "raw decode"):0.00}x raw, TTFT {Median(samples, "engine ttft") / Median(samples, "raw prefill"):0.00}x raw prefill, {streams} streams {Median(samples, "engine concurrent") / Median(samples, "engine sequential"):0.00}x one at a time"));
        return 0;
    }

    private static double Last(Rounds<double> samples, string name) => samples[name][^1];

    private static double Median(Rounds<double> samples, string name) => Medians.Of(samples[name]);

    /// <summary>Tokens per second of <paramref name="count"/> generations, all at once or one after another.</summary>
    private static async Task<double> AggregateAsync(int count, bool concurrently, Func<Task<int>> generate)
    {
        var clock = Stopwatch.StartNew();
        var tokens = 0;
        if (concurrently)
        {
            tokens = (await Task.WhenAll(Enumerable.Range(0, count).Select(_ => generate()))).Sum();
        }
        else
        {
            for (var i = 0; i < count; i++)
            {
                tokens += await generate();
            }
        }
        return tokens / clock.Elapsed.TotalSeconds;
    }

    /// <summary>The decoder file, built once per shape and seed into the temp folder (never committed).</summary>
    private static async Task<string> ModelFileAsync(LlamaDecoderConfig config)
    {
        var name = Invariant($"marketplace-llama-{config.Layers}x{config.Hidden}-h{config.Heads}-kv{config.KvHeads}-v{config.Vocabulary}-seed{config.Seed}.onnx");
        var path = Path.Combine(Path.GetTempPath(), name);
        if (!File.Exists(path))
        {
            var clock = Stopwatch.StartNew();
            var temporary = path + ".partial";
            await Task.Run(() => LlamaDecoderBuilder.Save(config, temporary));
            File.Move(temporary, path, overwrite: true);
            Console.WriteLine(Invariant($"built {path} ({new FileInfo(path).Length / 1e6:0} MB) in {clock.Elapsed.TotalSeconds:0.0} s"));
        }
        return path;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static int Int(string[] args, string name, int fallback) =>
        Option(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
