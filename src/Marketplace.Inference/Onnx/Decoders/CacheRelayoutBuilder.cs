using static Marketplace.Inference.Onnx.Decoders.DecoderGraphParts;

namespace Marketplace.Inference.Onnx.Decoders;

/// <summary>
/// A small model that rearranges a batch's KV cache on the device that holds it, so caches never
/// travel through managed memory (and on CUDA never leave the GPU). For each cache tensor j:
/// <c>out.j = Concat(Pad(Slice(Gather(old.j, keep, axis 0), trim…, axis 2), old_pads), Pad(new.j, new_pads), axis 0)</c>
/// — keep the rows still generating, drop leading columns that are padding for all of them, left-pad
/// old rows and the joining sequence's cache to one length, and stack them.
/// </summary>
public static class CacheRelayoutBuilder
{
    public const string Keep = "keep";
    public const string Trim = "trim";
    public const string OldPads = "old_pads";
    public const string NewPads = "new_pads";

    public static string Old(int tensor) => $"old.{tensor}";

    public static string New(int tensor) => $"new.{tensor}";

    public static string Out(int tensor) => $"out.{tensor}";

    /// <summary>The relayout model for caches of <paramref name="tensors"/> tensors (2 × layers) of [batch, kvHeads, length, headSize].</summary>
    public static byte[] Build(int tensors, int kvHeads, int headSize)
    {
        var g = new GraphWriter("kv-cache-relayout");
        g.Input(Keep, Int64Type, "kept");
        g.Input(Trim, Int64Type, 1);
        g.Input(OldPads, Int64Type, 8);
        g.Input(NewPads, Int64Type, 8);
        var end = g.Int64s(long.MaxValue);
        var axis = g.Int64s(2);
        for (var j = 0; j < tensors; j++)
        {
            g.Input(Old(j), FloatType, "old_batch", kvHeads, "old_length", headSize);
            g.Input(New(j), FloatType, "new_batch", kvHeads, "new_length", headSize);
            g.Output(Out(j), FloatType, "batch", kvHeads, "length", headSize);
            var kept = g.Op("Gather", [Old(j), Keep], null, GraphWriter.Int("axis", 0));
            var trimmed = g.Op("Slice", [kept, Trim, end, axis]);
            var oldPadded = g.Op("Pad", [trimmed, OldPads]);
            var newPadded = g.Op("Pad", [New(j), NewPads]);
            g.Op("Concat", [oldPadded, newPadded], Out(j), GraphWriter.Int("axis", 0));
        }
        return g.Builder.ToBytes();
    }
}
