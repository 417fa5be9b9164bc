using System.Security.Cryptography;
using Marketplace.Inference.Models;
using Marketplace.Inference.Onnx;
using Onnx;

namespace Marketplace.Inference.Tests;

/// <summary>Tiny models generated in code, written once to a temporary folder named by their hash.</summary>
internal static class TestModels
{
    private const TensorProto.Types.DataType Float = TensorProto.Types.DataType.Float;
    private static readonly string Folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "marketplace-inference-tests")).FullName;

    /// <summary>y = x·W + b with x [batch, 3], W [3, 2] = [[1,2],[3,4],[5,6]], b = [10, 20].</summary>
    public static byte[] Linear(bool dynamicBatch = true) => new OnnxGraphBuilder("linear")
        .Input("x", Float, dynamicBatch ? -1 : 1, 3)
        .Output("y", Float, dynamicBatch ? -1 : 1, 2)
        .FloatInitializer("W", [1, 2, 3, 4, 5, 6], 3, 2)
        .FloatInitializer("b", [10, 20], 2)
        .Node("MatMul", ["x", "W"], ["xw"])
        .Node("Add", ["xw", "b"], ["y"])
        .ToBytes();

    /// <summary>y = Relu(x · 2 + (−3)), elementwise on [batch, 4].</summary>
    public static byte[] MulAddRelu() => new OnnxGraphBuilder("mul-add-relu")
        .Input("x", Float, -1, 4)
        .Output("y", Float, -1, 4)
        .FloatInitializer("two", [2f], 1)
        .FloatInitializer("minusThree", [-3f], 1)
        .Node("Mul", ["x", "two"], ["doubled"])
        .Node("Add", ["doubled", "minusThree"], ["shifted"])
        .Node("Relu", ["shifted"], ["y"])
        .ToBytes();

    /// <summary>logits = x + 0 on [batch, 3], for label interpretation.</summary>
    public static byte[] Logits() => new OnnxGraphBuilder("logits")
        .Input("x", Float, -1, 3)
        .Output("logits", Float, -1, 3)
        .Node("Identity", ["x"], ["logits"])
        .ToBytes();

    /// <summary>y = Softmax(x) on [batch, 3].</summary>
    public static byte[] Softmax() => new OnnxGraphBuilder("softmax")
        .Input("x", Float, -1, 3)
        .Output("y", Float, -1, 3)
        .Node("Softmax", ["x"], ["y"], OnnxGraphBuilder.IntAttribute("axis", -1))
        .ToBytes();

    /// <summary>x [batch, n] multiplied by an n×n zero-ish matrix <paramref name="layers"/> times: slow on large batches.</summary>
    public static byte[] MatMulChain(int n, int layers)
    {
        var builder = new OnnxGraphBuilder("chain")
            .Input("x", Float, -1, n)
            .Output("y", Float, -1, n)
            .FloatInitializer("W", new float[n * n], n, n);
        var previous = "x";
        for (var i = 0; i < layers; i++)
        {
            var next = i == layers - 1 ? "y" : $"h{i}";
            builder.Node("MatMul", [previous, "W"], [next]);
            previous = next;
        }
        return builder.ToBytes();
    }

    /// <summary>
    /// A batchable-looking model ([batch, n] in and out) that expands one row to
    /// <paramref name="rows"/> rows before a MatMul chain: seconds of work for a single request.
    /// </summary>
    public static byte[] ExpandedMatMulChain(int n, int rows, int layers)
    {
        var builder = new OnnxGraphBuilder("expanded-chain")
            .Input("x", Float, -1, n)
            .Output("y", Float, -1, n)
            .FloatInitializer("W", new float[n * n], n, n)
            .Int64Initializer("rows", [rows, n], 2)
            .Node("Expand", ["x", "rows"], ["h"]);
        var previous = "h";
        for (var i = 0; i < layers; i++)
        {
            builder.Node("MatMul", [previous, "W"], [$"h{i}"]);
            previous = $"h{i}";
        }
        builder.Node("ReduceMean", [previous], ["y"], OnnxGraphBuilder.IntsAttribute("axes", 0), OnnxGraphBuilder.IntAttribute("keepdims", 1));
        return builder.ToBytes();
    }

    /// <summary>A model whose one weight tensor has <paramref name="floats"/> elements: sizes the session cache.</summary>
    public static byte[] WithWeights(int floats, float value) => new OnnxGraphBuilder($"weights-{floats}-{value}")
        .Input("x", Float, 1, floats)
        .Output("y", Float, 1, floats)
        .FloatInitializer("w", Enumerable.Repeat(value, floats).ToArray(), 1, floats)
        .Node("Add", ["x", "w"], ["y"])
        .ToBytes();

    public static string Write(byte[] bytes)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var path = Path.Combine(Folder, sha + ".onnx");
        if (!File.Exists(path))
        {
            var temporary = path + "." + Guid.NewGuid().ToString("N");
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, path, overwrite: true);
        }
        return path;
    }

    public static ModelDescriptor Tensors(byte[] bytes, BatchingSettings? batching = null, OutputSettings? output = null)
    {
        var path = Write(bytes);
        return new ModelDescriptor
        {
            ArtifactPath = path,
            Sha256 = Path.GetFileNameWithoutExtension(path),
            Adapter = AdapterKind.Tensor,
            Batching = batching,
            Output = output ?? new OutputSettings { Kind = OutputKind.Tensors },
        };
    }

    public static TensorData Tensor(string name, long[] shape, params double[] data) => new(name, shape, data);
}
