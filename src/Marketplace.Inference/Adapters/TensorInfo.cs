using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Marketplace.Inference.Adapters;

/// <summary>A model input or output as the session reports it; -1 marks a dynamic dimension.</summary>
internal sealed record TensorInfo(string Name, TensorElementType ElementType, long[] Dims)
{
    public bool HasDynamicFirstDim => Dims.Length > 0 && Dims[0] < 0;

    public static IReadOnlyList<TensorInfo> From(IReadOnlyList<string> names, IReadOnlyDictionary<string, NodeMetadata> metadata) =>
        names.Select(n => new TensorInfo(
                n,
                metadata[n].IsTensor ? metadata[n].ElementDataType : TensorElementType.DataTypeMax,
                metadata[n].Dimensions.Select(d => (long)d).ToArray()))
            .ToList();
}
