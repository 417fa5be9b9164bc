using System.Globalization;
using System.Runtime.InteropServices;
using Marketplace.Inference;
using Marketplace.Inference.Benchmarking;
using Marketplace.Inference.Generation;
using Marketplace.Inference.Models;
using Marketplace.Inference.Onnx;
using Marketplace.Inference.Onnx.Decoders;
using Microsoft.ML.OnnxRuntime;
using Onnx;

// Prints what a GPU machine offers the engine: the CUDA libraries ONNX Runtime 1.31 needs, the
// devices discovery finds (or why CUDA is unusable), then MiniLM and a batchable generated model
// on every device: latency p50/p99 and throughput unbatched and batched; then the exact decoder
// (its greedy tokens are a known function of the prompt) on every device, each prompt alone and
// all of them in one continuous batch, compared with the oracle and with the CPU's tokens.
var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 3;

Console.WriteLine($"ONNX Runtime {OrtEnv.Instance().GetVersionString()}, .NET {Environment.Version}, {RuntimeInformation.OSDescription}");
Console.WriteLine("CUDA libraries the CUDA execution provider loads (CUDA 13.x and cuDNN 9.x for CUDA 13):");
var missing = new List<string>();
foreach (var (library, what) in new[]
{
    ("libcuda.so.1", "NVIDIA driver"),
    ("libcudart.so.13", "CUDA 13 runtime"),
    ("libcublas.so.13", "cuBLAS (CUDA 13)"),
    ("libcublasLt.so.13", "cuBLASLt (CUDA 13)"),
    ("libcurand.so.10", "cuRAND (CUDA 13)"),
    ("libcufft.so.12", "cuFFT (CUDA 13), needed by FFT operators only"),
    ("libcudnn.so.9", "cuDNN 9 for CUDA 13, needed by convolutions"),
})
{
    var found = NativeLibrary.TryLoad(library, out var handle);
    if (found)
    {
        NativeLibrary.Free(handle);
    }
    else
    {
        missing.Add(library);
    }
    Console.WriteLine($"  {(found ? "found  " : "MISSING")} {library,-20} {what}");
}
if (missing.Count > 0)
{
    Console.WriteLine($"  → install the missing libraries or put their folder on LD_LIBRARY_PATH ({string.Join(", ", missing)}).");
}

using var engine = new InferenceEngine();
Console.WriteLine($"Devices: {engine.Devices.Summary}");

var miniLm = RealModels.MiniLm();
var text = ModelInput.FromText("The quick brown fox jumps over the lazy dog near the river bank.");
var mlp = Mlp();
var mlpInput = ModelInput.FromTensors(new TensorData("x", [1, 256], Enumerable.Range(0, 256).Select(i => i / 256.0).ToArray()));
var options = new ModelBenchmarkOptions { ThroughputDuration = TimeSpan.FromSeconds(seconds) };

Console.WriteLine();
Console.WriteLine("| model | device | p50 ms | p99 ms | unbatched /s | batched /s |");
Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: |");
foreach (var (name, model, input) in new[] { ("all-MiniLM-L6-v2", miniLm, text), ("MLP 256→1024→1024→256", mlp, mlpInput) })
{
    foreach (var result in await ModelBenchmark.RunOnEveryDeviceAsync(engine, model, input, options))
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {result.Device.Id} ({result.Device.Name}) | {result.Latency.P50Ms:0.000} | {result.Latency.P99Ms:0.000} | {result.Unbatched.InferencesPerSecond:0.0} | {result.Batched?.InferencesPerSecond:0.0} |"));
    }
}
var decoderMismatches = await ExactDecoderAsync(engine);
return decoderMismatches > 0 ? 4 : engine.Devices.HasCuda ? 0 : 3;

// Greedy decoding of the exact decoder on each device, alone and continuously batched (prompts of
// different lengths left-padded into one cache); every sequence must give the oracle's tokens, and
// a GPU's the CPU's. Returns the number of sequences that did not.
static async Task<int> ExactDecoderAsync(InferenceEngine engine)
{
    const int newTokens = 48;
    var settings = new ExactDecoderSettings { Layers = 2, KvHeads = 2, HeadSize = 4, Vocabulary = 256, ContextLength = 128 };
    var path = Path.Combine(Path.GetTempPath(), "gpu-check-exact-decoder.onnx");
    File.WriteAllBytes(path, ExactDecoderBuilder.Build(settings));
    var decoder = new DecoderModel { ArtifactPath = path, Sha256 = RealModels.Sha256Of(path), Tokenizer = ByteLevelBpeTokenizer.ByteAlphabet() };
    using var generation = new GenerationEngine(engine.Devices);
    int[][] prompts = [[5, 17, 200, 3], [42], [7, 7, 7, 7, 7, 7, 7, 7, 9, 1], [250, 251, 252, 253, 254, 255, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]];
    var cpu = new Dictionary<int, IReadOnlyList<int>>();
    var mismatches = 0;
    Console.WriteLine();
    Console.WriteLine($"Exact decoder ({settings.Layers} layers, {settings.KvHeads} KV heads × {settings.HeadSize}, vocabulary {settings.Vocabulary}), greedy, {newTokens} new tokens:");
    Console.WriteLine("| device | ran on | prompt tokens | alone = oracle | in a batch of 4 = oracle | = CPU | decode tokens/s alone |");
    Console.WriteLine("| --- | --- | ---: | --- | --- | --- | ---: |");
    // CPU first, so every GPU is compared with it.
    foreach (var device in engine.Devices.Devices.OrderBy(d => d.IsCuda))
    {
        GenerationRequest Request(int[] prompt) => new() { PromptTokenIds = prompt, MaxNewTokens = newTokens, DeviceId = device.Id };
        var alone = new List<GenerationResult>();
        foreach (var prompt in prompts)
        {
            alone.Add(await generation.GenerateAsync(decoder, Request(prompt)));
        }
        var together = await Task.WhenAll(prompts.Select(p => generation.GenerateAsync(decoder, Request(p))));
        for (var i = 0; i < prompts.Length; i++)
        {
            var expected = ExactDecoderBuilder.ExpectedTokens(settings, prompts[i], newTokens);
            var aloneOk = alone[i].Tokens.SequenceEqual(expected);
            var batchedOk = together[i].Tokens.SequenceEqual(expected);
            if (!device.IsCuda)
            {
                cpu[i] = alone[i].Tokens;
            }
            var cpuOk = cpu.TryGetValue(i, out var onCpu) && alone[i].Tokens.SequenceEqual(onCpu) && together[i].Tokens.SequenceEqual(onCpu);
            var ranOn = string.Join(", ", new[] { alone[i].Device.Id, together[i].Device.Id }.Distinct());
            if (!aloneOk || !batchedOk || !cpuOk || ranOn != device.Id)
            {
                mismatches++;
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {device.Id} ({device.Name}) | {ranOn} | {prompts[i].Length} | {Yes(aloneOk)} | {Yes(batchedOk)} | {Yes(cpuOk)} | {alone[i].DecodeTokensPerSecond:0} |"));
        }
    }
    Console.WriteLine(mismatches == 0
        ? "Every device gave the oracle's tokens, alone and batched."
        : $"{mismatches} sequence(s) differed from the oracle or the CPU, or ran on another device: exit code 4.");
    return mismatches;

    static string Yes(bool ok) => ok ? "yes" : "NO";
}

static ModelDescriptor Mlp()
{
    var random = new Random(7);
    float[] Weights(int n) => Enumerable.Range(0, n).Select(_ => (float)(random.NextDouble() - 0.5) / 16).ToArray();
    var bytes = new OnnxGraphBuilder("mlp")
        .Input("x", TensorProto.Types.DataType.Float, -1, 256)
        .Output("y", TensorProto.Types.DataType.Float, -1, 256)
        .FloatInitializer("w1", Weights(256 * 1024), 256, 1024)
        .FloatInitializer("w2", Weights(1024 * 1024), 1024, 1024)
        .FloatInitializer("w3", Weights(1024 * 256), 1024, 256)
        .Node("MatMul", ["x", "w1"], ["h1"]).Node("Relu", ["h1"], ["a1"])
        .Node("MatMul", ["a1", "w2"], ["h2"]).Node("Relu", ["h2"], ["a2"])
        .Node("MatMul", ["a2", "w3"], ["y"])
        .ToBytes();
    var path = Path.Combine(Path.GetTempPath(), "gpu-check-mlp.onnx");
    File.WriteAllBytes(path, bytes);
    return new ModelDescriptor { ArtifactPath = path, Sha256 = RealModels.Sha256Of(path), Adapter = AdapterKind.Tensor };
}
