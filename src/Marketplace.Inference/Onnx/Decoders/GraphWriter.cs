using System.Runtime.InteropServices;
using Google.Protobuf;
using Onnx;

namespace Marketplace.Inference.Onnx.Decoders;

/// <summary>
/// A thin layer over <see cref="OnnxGraphBuilder"/> for the larger generated graphs: named symbolic
/// dimensions ("batch", "past_sequence_length"), intermediate names made up as nodes are added, and
/// weights written as raw little-endian bytes (one copy per tensor, where FloatData would box every
/// element through a repeated field and take minutes for a 135M-parameter model).
/// </summary>
internal sealed class GraphWriter(string name)
{
    private int _next;

    public OnnxGraphBuilder Builder { get; } = new(name);

    public void Input(string name, TensorProto.Types.DataType type, params Dim[] dims) =>
        Builder.Graph.Input.Add(ValueInfo(name, type, dims));

    public void Output(string name, TensorProto.Types.DataType type, params Dim[] dims) =>
        Builder.Graph.Output.Add(ValueInfo(name, type, dims));

    public void Metadata(string key, string value) =>
        Builder.Model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });

    /// <summary>Adds a node and returns its (single) output's name; <paramref name="output"/> names it when it is a graph output.</summary>
    public string Op(string opType, string[] inputs, string? output = null, params AttributeProto[] attributes)
    {
        var result = output ?? Fresh(opType);
        Builder.Node(opType, inputs, [result], attributes);
        return result;
    }

    public string Int64s(params long[] values)
    {
        var tensorName = Fresh("const");
        Builder.Int64Initializer(tensorName, values, values.Length);
        return tensorName;
    }

    /// <summary>A 0-d int64 tensor (Range and OneHot take scalars).</summary>
    public string Int64Scalar(long value)
    {
        var tensorName = Fresh("scalar");
        var tensor = new TensorProto { Name = tensorName, DataType = (int)TensorProto.Types.DataType.Int64 };
        tensor.Int64Data.Add(value);
        Builder.Graph.Initializer.Add(tensor);
        return tensorName;
    }

    public string Floats(float[] values, params long[] dims) => Weight(Fresh("weight"), values, dims);

    public string Weight(string tensorName, ReadOnlySpan<float> values, params long[] dims)
    {
        var tensor = new TensorProto { Name = tensorName, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.AddRange(dims);
        tensor.RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(values));
        Builder.Graph.Initializer.Add(tensor);
        return tensorName;
    }

    public static AttributeProto Int(string attribute, long value) => OnnxGraphBuilder.IntAttribute(attribute, value);

    public static AttributeProto Ints(string attribute, params long[] values) => OnnxGraphBuilder.IntsAttribute(attribute, values);

    private string Fresh(string prefix) => $"{prefix}_{_next++}";

    private static ValueInfoProto ValueInfo(string name, TensorProto.Types.DataType type, Dim[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (var dim in dims)
        {
            shape.Dim.Add(dim.Symbol is null
                ? new TensorShapeProto.Types.Dimension { DimValue = dim.Size }
                : new TensorShapeProto.Types.Dimension { DimParam = dim.Symbol });
        }
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = shape } },
        };
    }
}

/// <summary>A declared dimension: a fixed size or a named symbol.</summary>
internal readonly record struct Dim(long Size, string? Symbol)
{
    public static implicit operator Dim(long size) => new(size, null);

    public static implicit operator Dim(string symbol) => new(-1, symbol);
}
