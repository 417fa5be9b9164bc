using Google.Protobuf;

namespace Marketplace.Inference.Tests.Generation;

/// <summary>SentencePiece tokenizer.model files written in code (shared with the API tests).</summary>
internal static class SentencePieceModels
{
    /// <summary>
    /// A SentencePiece BPE ModelProto written field by field: &lt;unk&gt;, &lt;s&gt;, &lt;/s&gt;, the 256
    /// byte-fallback pieces, then a few word pieces scored by merge order.
    /// </summary>
    public static byte[] HelloWorld()
    {
        var pieces = new List<(string Piece, float Score, int Type)> { ("<unk>", 0, 2), ("<s>", 0, 3), ("</s>", 0, 3) };
        pieces.AddRange(Enumerable.Range(0, 256).Select(b => ($"<0x{b:X2}>", 0f, 6)));
        string[] words = ["▁", "h", "e", "l", "o", "▁h", "ll", "▁he", "▁hell", "▁hello", "w", "r", "d"];
        pieces.AddRange(words.Select((w, i) => (w, -1f - i, 1)));
        return Message(o =>
        {
            foreach (var (piece, score, type) in pieces)
            {
                Field(o, 1, Message(p =>
                {
                    p.WriteTag(1, WireFormat.WireType.LengthDelimited);
                    p.WriteString(piece);
                    p.WriteTag(2, WireFormat.WireType.Fixed32);
                    p.WriteFloat(score);
                    p.WriteTag(3, WireFormat.WireType.Varint);
                    p.WriteInt32(type);
                }));
            }
            Field(o, 2, Message(t =>
            {
                (int Field, int Value)[] trainer = [(3, 2), (4, pieces.Count), (35, 1), (40, 0), (41, 1), (42, 2), (43, -1)]; // BPE, byte fallback, unk/bos/eos/pad ids
                foreach (var (field, value) in trainer)
                {
                    t.WriteTag(field, WireFormat.WireType.Varint);
                    t.WriteInt32(value);
                }
            }));
            Field(o, 3, Message(n =>
            {
                n.WriteTag(1, WireFormat.WireType.LengthDelimited);
                n.WriteString("identity");
                (int Field, bool Value)[] flags = [(3, true), (4, false), (5, true)]; // dummy prefix, keep spaces, escape them as ▁
                foreach (var (field, value) in flags)
                {
                    n.WriteTag(field, WireFormat.WireType.Varint);
                    n.WriteBool(value);
                }
            }));
        });
    }

    private static void Field(CodedOutputStream output, int field, byte[] message)
    {
        output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(message));
    }

    private static byte[] Message(Action<CodedOutputStream> write)
    {
        using var buffer = new MemoryStream();
        var output = new CodedOutputStream(buffer);
        write(output);
        output.Flush();
        return buffer.ToArray();
    }
}
