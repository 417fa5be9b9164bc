using Onnx;

namespace Marketplace.Inference.Onnx.Decoders;

/// <summary>Pieces both generated decoders share: dimensions read at run time and the attention mask.</summary>
internal static class DecoderGraphParts
{
    public const TensorProto.Types.DataType FloatType = TensorProto.Types.DataType.Float;
    public const TensorProto.Types.DataType Int64Type = TensorProto.Types.DataType.Int64;

    // Symbolic dimension names as Optimum writes them, so exported and generated models read alike.
    public const string Batch = "batch_size";
    public const string Sequence = "sequence_length";
    public const string Past = "past_sequence_length";
    public const string Total = "total_sequence_length";

    /// <summary>The standard inputs and cache outputs of a decoder with <paramref name="layers"/> layers.</summary>
    public static void DeclareInterface(GraphWriter g, int layers, int kvHeads, int headSize, int vocabulary, bool positionIds)
    {
        g.Input(DecoderNames.InputIds, Int64Type, Batch, Sequence);
        g.Input(DecoderNames.AttentionMask, Int64Type, Batch, Total);
        if (positionIds)
        {
            g.Input(DecoderNames.PositionIds, Int64Type, Batch, Sequence);
        }
        for (var layer = 0; layer < layers; layer++)
        {
            g.Input(DecoderNames.PastKey(layer), FloatType, Batch, kvHeads, Past, headSize);
            g.Input(DecoderNames.PastValue(layer), FloatType, Batch, kvHeads, Past, headSize);
        }
        g.Output(DecoderNames.Logits, FloatType, Batch, Sequence, vocabulary);
        for (var layer = 0; layer < layers; layer++)
        {
            g.Output(DecoderNames.PresentKey(layer), FloatType, Batch, kvHeads, Total, headSize);
            g.Output(DecoderNames.PresentValue(layer), FloatType, Batch, kvHeads, Total, headSize);
        }
    }

    /// <summary>Dimension <paramref name="axis"/> of a tensor as a 0-d int64.</summary>
    public static string DimOf(GraphWriter g, string tensor, long axis) =>
        g.Op("Gather", [g.Op("Shape", [tensor]), g.Int64Scalar(axis)]);

    /// <summary>
    /// int64 [batch, seq, total]: 1 where query i may see key j — the key is not padding
    /// (attention_mask) and comes before the query (j &lt; past + i, or ≤ with <paramref name="includeSelf"/>).
    /// Positions are counted in cache slots, so left padding shifts nothing.
    /// </summary>
    public static string VisibleKeys(GraphWriter g, string sequenceLength, string totalLength, bool includeSelf)
    {
        var zero = g.Int64Scalar(0);
        var one = g.Int64Scalar(1);
        var keys = g.Op("Range", [zero, totalLength, one]);
        var queries = g.Op("Range", [zero, sequenceLength, one]);
        var past = g.Op("Sub", [totalLength, sequenceLength]);
        var limit = g.Op("Add", [queries, past]);
        if (includeSelf)
        {
            limit = g.Op("Add", [limit, one]);
        }
        var causal = g.Op("Less", [keys, g.Op("Unsqueeze", [limit, g.Int64s(1)])]);
        var causalInt = g.Op("Cast", [causal], null, GraphWriter.Int("to", (long)Int64Type));
        var mask = g.Op("Unsqueeze", [DecoderNames.AttentionMask, g.Int64s(1)]);
        return g.Op("Mul", [mask, causalInt]);
    }
}
