using Onnx;

namespace Marketplace.Inference.Onnx;

/// <summary>The smallest useful model, y = x + x: creating and running it proves a device works.</summary>
internal static class ProbeModel
{
    public static readonly byte[] Bytes = new OnnxGraphBuilder("probe", producer: "marketplace-probe")
        .Input("x", TensorProto.Types.DataType.Float, 1)
        .Output("y", TensorProto.Types.DataType.Float, 1)
        .Node("Add", ["x", "x"], ["y"])
        .ToBytes();
}
