using Google.Protobuf;
using Marketplace.Inference.Onnx;
using Onnx;

namespace Marketplace.Inference.Tests;

/// <summary>Model files a careless or hostile partner might upload, generated here.</summary>
internal static class HostileModels
{
    private const TensorProto.Types.DataType Float = TensorProto.Types.DataType.Float;

    public static byte[] Truncated()
    {
        var whole = TestModels.WithWeights(50_000, 1f);
        return whole[..(whole.Length / 2)];
    }

    public static byte[] RandomBytes()
    {
        var bytes = new byte[64 * 1024];
        new Random(20241129).NextBytes(bytes);
        return bytes;
    }

    /// <summary>An input that declares a 2^40-wide dimension.</summary>
    public static byte[] HugeDimension() => new OnnxGraphBuilder("huge")
        .Input("x", Float, 1, 1L << 40)
        .Output("y", Float, 1, 1L << 40)
        .Node("Relu", ["x"], ["y"])
        .ToBytes();

    /// <summary>A weight whose bytes are said to live in another file (a path the host would read).</summary>
    public static byte[] ExternalData()
    {
        var builder = new OnnxGraphBuilder("external")
            .Input("x", Float, 1, 4)
            .Output("y", Float, 1, 4)
            .Node("Add", ["x", "w"], ["y"]);
        var weight = new TensorProto { Name = "w", DataType = (int)Float, DataLocation = TensorProto.Types.DataLocation.External };
        weight.Dims.AddRange([1, 4]);
        weight.ExternalData.Add(new StringStringEntryProto { Key = "location", Value = "../../etc/passwd" });
        weight.ExternalData.Add(new StringStringEntryProto { Key = "length", Value = "16" });
        builder.Graph.Initializer.Add(weight);
        return builder.ToBytes();
    }

    /// <summary>If inside If inside If … <paramref name="depth"/> levels deep.</summary>
    public static byte[] NestedIf(int depth)
    {
        var builder = new OnnxGraphBuilder("nested")
            .Input("c", TensorProto.Types.DataType.Bool, 1)
            .Output("y", Float, 1);
        var node = NestedIfNode(depth, "y");
        builder.Graph.Node.Add(node);
        return builder.ToBytes();
    }

    private static NodeProto NestedIfNode(int depth, string output)
    {
        var node = new NodeProto { OpType = "If", Name = $"if{depth}" };
        node.Input.Add("c");
        node.Output.Add(output);
        node.Attribute.Add(OnnxGraphBuilder.GraphAttribute("then_branch", Branch(depth - 1, $"t{depth}")));
        // Only one branch nests deeper: nesting both would grow the file as 2^depth.
        node.Attribute.Add(OnnxGraphBuilder.GraphAttribute("else_branch", Branch(0, $"e{depth}")));
        return node;
    }

    private static GraphProto Branch(int depth, string output)
    {
        var graph = new GraphProto { Name = $"branch{output}" };
        graph.Output.Add(OnnxGraphBuilder.ValueInfo(output, Float, 1));
        if (depth <= 0)
        {
            var value = new TensorProto { Name = output + "_value", DataType = (int)Float };
            value.Dims.Add(1);
            value.FloatData.Add(1f);
            var constant = new NodeProto { OpType = "Constant", Name = output + "_const" };
            constant.Output.Add(output);
            constant.Attribute.Add(new AttributeProto { Name = "value", Type = AttributeProto.Types.AttributeType.Tensor, T = value });
            graph.Node.Add(constant);
        }
        else
        {
            graph.Node.Add(NestedIfNode(depth, output));
        }
        return graph;
    }

    public static byte[] CustomOperator() => new OnnxGraphBuilder("custom")
        .Input("x", Float, 1, 4)
        .Output("y", Float, 1, 4)
        .NodeInDomain("com.example.backdoor", "RunShell", ["x"], ["y"])
        .ToBytes();

    /// <summary>A Loop whose trip count and condition never end it: running it hangs.</summary>
    public static byte[] EndlessLoop()
    {
        var body = new GraphProto { Name = "body" };
        body.Input.Add(OnnxGraphBuilder.ValueInfo("i", TensorProto.Types.DataType.Int64));
        body.Input.Add(OnnxGraphBuilder.ValueInfo("cond_in", TensorProto.Types.DataType.Bool));
        body.Input.Add(OnnxGraphBuilder.ValueInfo("v_in", Float, 1));
        body.Output.Add(OnnxGraphBuilder.ValueInfo("cond_out", TensorProto.Types.DataType.Bool));
        body.Output.Add(OnnxGraphBuilder.ValueInfo("v_out", Float, 1));
        body.Node.Add(Node("Identity", ["cond_in"], ["cond_out"]));
        body.Node.Add(Node("Add", ["v_in", "one"], ["v_out"]));
        var builder = new OnnxGraphBuilder("endless")
            .Input("x", Float, 1)
            .Output("y", Float, 1)
            .Int64Initializer("trips", [long.MaxValue])
            .FloatInitializer("one", [1f], 1);
        var keepGoing = new TensorProto { Name = "keep_going", DataType = (int)TensorProto.Types.DataType.Bool };
        keepGoing.Int32Data.Add(1);
        builder.Graph.Initializer.Add(keepGoing);
        builder.Node("Loop", ["trips", "keep_going", "x"], ["y"], OnnxGraphBuilder.GraphAttribute("body", body));
        return builder.ToBytes();
    }

    /// <summary>Fills a tensor of <paramref name="elements"/> floats at run time; nothing declares its size.</summary>
    public static byte[] MemoryBomb(long elements) => new OnnxGraphBuilder("bomb")
        .Input("x", Float, 1)
        .Output("y", Float, -1)
        .Int64Initializer("shape", [elements], 1)
        .Node("ConstantOfShape", ["shape"], ["filled"], new AttributeProto
        {
            Name = "value",
            Type = AttributeProto.Types.AttributeType.Tensor,
            T = OneFloat(),
        })
        .Node("Add", ["filled", "x"], ["y"])
        .ToBytes();

    private static TensorProto OneFloat()
    {
        var t = new TensorProto { Name = "one", DataType = (int)Float };
        t.Dims.Add(1);
        t.FloatData.Add(1f);
        return t;
    }

    private static NodeProto Node(string op, string[] inputs, string[] outputs)
    {
        var node = new NodeProto { OpType = op, Name = op + "_" + outputs[0] };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        return node;
    }

    public static byte[] Serialize(ModelProto model) => model.ToByteArray();
}
