using System.Globalization;
using System.Runtime.InteropServices;
using Marketplace.Inference;
using Marketplace.Inference.Benchmarking;
using Marketplace.Inference.Models;
using Marketplace.Inference.Onnx;
using Microsoft.ML.OnnxRuntime;
using Onnx;

// Prints what a GPU machine offers the engine: the CUDA libraries ONNX Runtime 1.31 needs, the
// devices discovery finds (or why CUDA is unusable), then MiniLM and a batchable generated model
// on every device: latency p50/p99 and throughput unbatched and batched.
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
return engine.Devices.HasCuda ? 0 : 3;

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
