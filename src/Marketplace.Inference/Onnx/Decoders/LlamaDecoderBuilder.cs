using Google.Protobuf;
using Onnx;
using static Marketplace.Inference.Onnx.Decoders.DecoderGraphParts;

namespace Marketplace.Inference.Onnx.Decoders;

/// <summary>
/// Builds a Llama-style decoder in the Optimum KV-cache layout from standard opset-17 operators only:
/// RMSNorm from ReduceMean/Sqrt, rotary embeddings from Cos/Sin of position_ids, grouped-query
/// attention by broadcasting [batch, kv, 1, …] keys against [batch, kv, group, …] queries (no copies
/// of the cache per query head), SwiGLU, and present = Concat(past, new) per layer.
/// </summary>
public static class LlamaDecoderBuilder
{
    public static ModelProto Build(LlamaDecoderConfig config)
    {
        if (config.Hidden % config.Heads != 0 || config.Heads % config.KvHeads != 0 || config.HeadSize % 2 != 0)
        {
            throw new ArgumentException("hidden must split into heads of even size, and heads into KV groups", nameof(config));
        }
        var g = new GraphWriter("llama-decoder");
        var weights = new WeightSource(config);
        DeclareInterface(g, config.Layers, config.KvHeads, config.HeadSize, config.Vocabulary, positionIds: true);
        g.Metadata("max_position_embeddings", config.ContextLength.ToString(System.Globalization.CultureInfo.InvariantCulture));
        g.Metadata("model_type", "llama");

        var embedding = g.Weight("model.embed_tokens.weight", weights.Next(config.Vocabulary * config.Hidden), config.Vocabulary, config.Hidden);
        var x = g.Op("Gather", [embedding, DecoderNames.InputIds]);

        var sequence = DimOf(g, DecoderNames.InputIds, 1);
        var total = g.Op("Add", [DimOf(g, DecoderNames.PastKey(0), 2), sequence]);
        var (cos, sin) = Rotary(g, config);
        var cos4 = g.Op("Unsqueeze", [cos, g.Int64s(1)]);
        var sin4 = g.Op("Unsqueeze", [sin, g.Int64s(1)]);
        var cos5 = g.Op("Unsqueeze", [cos, g.Int64s(1, 2)]);
        var sin5 = g.Op("Unsqueeze", [sin, g.Int64s(1, 2)]);
        var visible = g.Op("Cast", [VisibleKeys(g, sequence, total, includeSelf: true)], null, GraphWriter.Int("to", (long)FloatType));
        // 0 where a key is visible, −1e9 where not; [batch, 1, 1, seq, total] to broadcast over kv heads and groups.
        var bias = g.Op("Unsqueeze", [g.Op("Mul", [g.Op("Sub", [visible, g.Floats([1f], 1)]), g.Floats([1e9f], 1)]), g.Int64s(1, 2)]);

        for (var layer = 0; layer < config.Layers; layer++)
        {
            x = Layer(g, config, weights, layer, x, (cos4, sin4, cos5, sin5), bias);
        }
        var final = RmsNorm(g, config, x, g.Weight("model.norm.weight", Ones(config.Hidden), config.Hidden));
        var outputWeights = g.Op("Transpose", [embedding], null, GraphWriter.Ints("perm", 1, 0));
        g.Op("MatMul", [final, outputWeights], DecoderNames.Logits);
        return g.Builder.Model;
    }

    /// <summary>Writes the model straight to a file (a 135M-parameter model is about 540 MB).</summary>
    public static void Save(LlamaDecoderConfig config, string path)
    {
        var model = Build(config);
        using var file = File.Create(path);
        model.WriteTo(file);
    }

    private static string Layer(GraphWriter g, LlamaDecoderConfig c, WeightSource w, int layer, string x, (string Cos4, string Sin4, string Cos5, string Sin5) rope, string bias)
    {
        var d = c.HeadSize;
        var group = c.Heads / c.KvHeads;
        var prefix = $"model.layers.{layer}.";
        var h = RmsNorm(g, c, x, g.Weight(prefix + "input_layernorm.weight", Ones(c.Hidden), c.Hidden));

        var q = g.Op("MatMul", [h, g.Weight(prefix + "self_attn.q_proj.weight", w.Next(c.Hidden * c.Heads * d), c.Hidden, c.Heads * d)]);
        q = g.Op("Reshape", [q, g.Int64s(0, 0, c.KvHeads, group, d)]);
        q = g.Op("Transpose", [q], null, GraphWriter.Ints("perm", 0, 2, 3, 1, 4)); // [b, kv, group, s, d]
        var k = g.Op("MatMul", [h, g.Weight(prefix + "self_attn.k_proj.weight", w.Next(c.Hidden * c.KvHeads * d), c.Hidden, c.KvHeads * d)]);
        k = g.Op("Transpose", [g.Op("Reshape", [k, g.Int64s(0, 0, c.KvHeads, d)])], null, GraphWriter.Ints("perm", 0, 2, 1, 3)); // [b, kv, s, d]
        var v = g.Op("MatMul", [h, g.Weight(prefix + "self_attn.v_proj.weight", w.Next(c.Hidden * c.KvHeads * d), c.Hidden, c.KvHeads * d)]);
        v = g.Op("Transpose", [g.Op("Reshape", [v, g.Int64s(0, 0, c.KvHeads, d)])], null, GraphWriter.Ints("perm", 0, 2, 1, 3));

        q = Rotate(g, q, rope.Cos5, rope.Sin5, d);
        k = Rotate(g, k, rope.Cos4, rope.Sin4, d);
        var keys = g.Op("Concat", [DecoderNames.PastKey(layer), k], DecoderNames.PresentKey(layer), GraphWriter.Int("axis", 2));
        var values = g.Op("Concat", [DecoderNames.PastValue(layer), v], DecoderNames.PresentValue(layer), GraphWriter.Int("axis", 2));

        var keysT = g.Op("Transpose", [g.Op("Unsqueeze", [keys, g.Int64s(2)])], null, GraphWriter.Ints("perm", 0, 1, 2, 4, 3)); // [b, kv, 1, d, t]
        var scores = g.Op("Mul", [g.Op("MatMul", [q, keysT]), g.Floats([1f / MathF.Sqrt(d)], 1)]);
        var probabilities = g.Op("Softmax", [g.Op("Add", [scores, bias])], null, GraphWriter.Int("axis", -1));
        var context = g.Op("MatMul", [probabilities, g.Op("Unsqueeze", [values, g.Int64s(2)])]); // [b, kv, group, s, d]
        context = g.Op("Transpose", [context], null, GraphWriter.Ints("perm", 0, 3, 1, 2, 4));
        context = g.Op("Reshape", [context, g.Int64s(0, 0, c.Heads * d)]);
        var attention = g.Op("MatMul", [context, g.Weight(prefix + "self_attn.o_proj.weight", w.Next(c.Heads * d * c.Hidden), c.Heads * d, c.Hidden)]);
        x = g.Op("Add", [x, attention]);

        var h2 = RmsNorm(g, c, x, g.Weight(prefix + "post_attention_layernorm.weight", Ones(c.Hidden), c.Hidden));
        var gate = g.Op("MatMul", [h2, g.Weight(prefix + "mlp.gate_proj.weight", w.Next(c.Hidden * c.Intermediate), c.Hidden, c.Intermediate)]);
        var up = g.Op("MatMul", [h2, g.Weight(prefix + "mlp.up_proj.weight", w.Next(c.Hidden * c.Intermediate), c.Hidden, c.Intermediate)]);
        var activated = g.Op("Mul", [g.Op("Mul", [gate, g.Op("Sigmoid", [gate])]), up]);
        var down = g.Op("MatMul", [activated, g.Weight(prefix + "mlp.down_proj.weight", w.Next(c.Intermediate * c.Hidden), c.Intermediate, c.Hidden)]);
        return g.Op("Add", [x, down]);
    }

    /// <summary>cos and sin of position × inverse frequency, [batch, seq, head size] (halves repeated, as Llama does).</summary>
    private static (string Cos, string Sin) Rotary(GraphWriter g, LlamaDecoderConfig c)
    {
        var half = c.HeadSize / 2;
        var inverse = new float[half];
        for (var i = 0; i < half; i++)
        {
            inverse[i] = 1f / MathF.Pow(c.RopeTheta, 2f * i / c.HeadSize);
        }
        var positions = g.Op("Unsqueeze", [g.Op("Cast", [DecoderNames.PositionIds], null, GraphWriter.Int("to", (long)FloatType)), g.Int64s(2)]);
        var angles = g.Op("Mul", [positions, g.Floats(inverse, half)]);
        var both = g.Op("Concat", [angles, angles], null, GraphWriter.Int("axis", -1));
        return (g.Op("Cos", [both]), g.Op("Sin", [both]));
    }

    /// <summary>x·cos + rotate_half(x)·sin, rotate_half(x) = [−x₂, x₁] over the last axis.</summary>
    private static string Rotate(GraphWriter g, string x, string cos, string sin, int headSize)
    {
        var half = headSize / 2;
        var axis = g.Int64s(-1);
        var first = g.Op("Slice", [x, g.Int64s(0), g.Int64s(half), axis]);
        var second = g.Op("Slice", [x, g.Int64s(half), g.Int64s(headSize), axis]);
        var rotated = g.Op("Concat", [g.Op("Neg", [second]), first], null, GraphWriter.Int("axis", -1));
        return g.Op("Add", [g.Op("Mul", [x, cos]), g.Op("Mul", [rotated, sin])]);
    }

    private static string RmsNorm(GraphWriter g, LlamaDecoderConfig c, string x, string weight)
    {
        var meanSquare = g.Op("ReduceMean", [g.Op("Mul", [x, x])], null, GraphWriter.Ints("axes", -1), GraphWriter.Int("keepdims", 1));
        var root = g.Op("Sqrt", [g.Op("Add", [meanSquare, g.Floats([c.RmsNormEpsilon], 1)])]);
        return g.Op("Mul", [g.Op("Div", [x, root]), weight]);
    }

    private static float[] Ones(int count) => Enumerable.Repeat(1f, count).ToArray();

    /// <summary>Seeded weights, uniform with the configured standard deviation; the same config gives the same file.</summary>
    private sealed class WeightSource(LlamaDecoderConfig config)
    {
        private readonly Random _random = new(config.Seed);
        private readonly float _bound = config.WeightScale * MathF.Sqrt(3f);

        public float[] Next(int count)
        {
            var values = new float[count];
            for (var i = 0; i < count; i++)
            {
                values[i] = ((_random.NextSingle() * 2f) - 1f) * _bound;
            }
            return values;
        }
    }
}
