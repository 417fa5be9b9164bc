using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Marketplace.Inference.Generation;
using Marketplace.Inference.Onnx.Decoders;

namespace Marketplace.Inference.Benchmarks.Generation;

/// <summary>
/// Raw ONNX Runtime greedy loop vs the generation engine, in one process, on a generated decoder
/// (SmolLM2-135M-shaped by default, seeded random weights: gibberish text, real speed):
/// decode tokens/s at batch 1, time to first token against raw prefill, and aggregate tokens/s of
/// concurrent streams against the same streams one at a time. Rounds alternate raw and engine so a
/// burst of load from other processes hits both; medians are reported.
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

        var path = await ModelFileAsync(config);
        var prompt = Enumerable.Range(0, promptTokens).Select(i => (i * 37 % 250) + 1).ToArray();
        var model = new DecoderModel { ArtifactPath = path, Sha256 = Sha256(path), Tokenizer = ByteLevelBpeTokenizer.ByteAlphabet() };
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

        // Warm both paths, and check they agree before timing them.
        var rawTokens = raw.Generate(prompt, newTokens).Tokens;
        var engineTokens = (await engine.GenerateAsync(model, Request())).Tokens;
        Console.WriteLine(rawTokens.SequenceEqual(engineTokens) ? "raw and engine produce the same greedy tokens" : "WARNING: raw and engine tokens differ");

        var rawPrefill = new List<double>();
        var rawDecode = new List<double>();
        var engineTtft = new List<double>();
        var engineDecode = new List<double>();
        var concurrent = new List<double>();
        var sequential = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var r = raw.Generate(prompt, newTokens);
            rawPrefill.Add(r.PrefillMs);
            rawDecode.Add(r.DecodeTokensPerSecond);
            var e = await engine.GenerateAsync(model, Request());
            engineTtft.Add(e.TimeToFirstTokenMs);
            engineDecode.Add(e.DecodeTokensPerSecond);

            var clock = Stopwatch.StartNew();
            var tokens = 0;
            for (var i = 0; i < streams; i++)
            {
                tokens += (await engine.GenerateAsync(model, Request())).OutputTokens;
            }
            sequential.Add(tokens / clock.Elapsed.TotalSeconds);

            clock.Restart();
            var together = await Task.WhenAll(Enumerable.Range(0, streams).Select(_ => engine.GenerateAsync(model, Request())));
            concurrent.Add(together.Sum(t => t.OutputTokens) / clock.Elapsed.TotalSeconds);
            Console.WriteLine(Invariant($"round {round + 1}: raw prefill {r.PrefillMs:0.0} ms, decode {r.DecodeTokensPerSecond:0.0} tok/s; engine TTFT {e.TimeToFirstTokenMs:0.0} ms, decode {e.DecodeTokensPerSecond:0.0} tok/s; {streams} streams {concurrent[^1]:0.0} tok/s vs one at a time {sequential[^1]:0.0} tok/s"));
        }

        Console.WriteLine();
        Console.WriteLine("| measure | raw ONNX Runtime loop | engine | ratio | target |");
        Console.WriteLine("| --- | ---: | ---: | ---: | --- |");
        Console.WriteLine(Invariant($"| decode tokens/s, batch 1 | {Median(rawDecode):0.0} | {Median(engineDecode):0.0} | {Median(engineDecode) / Median(rawDecode):0.00} | ≥ 0.9 |"));
        Console.WriteLine(Invariant($"| time to first token p50 vs raw prefill (ms) | {Median(rawPrefill):0.0} | {Median(engineTtft):0.0} | {Median(engineTtft) / Median(rawPrefill):0.00} | ≤ 1.2 |"));
        Console.WriteLine(Invariant($"| aggregate tokens/s, {streams} streams vs one at a time | {Median(sequential):0.0} | {Median(concurrent):0.0} | {Median(concurrent) / Median(sequential):0.00} | ≥ 2 |"));
        return 0;
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

    private static string Sha256(string path)
    {
        using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(file));
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static int Int(string[] args, string name, int fallback) =>
        Option(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
