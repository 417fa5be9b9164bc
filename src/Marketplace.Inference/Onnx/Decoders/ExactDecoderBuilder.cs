using static Marketplace.Inference.Onnx.Decoders.DecoderGraphParts;

namespace Marketplace.Inference.Onnx.Decoders;

/// <summary>
/// A decoder whose next token is a known function of what it has seen, so tests can assert exact
/// sequences. Every layer appends real keys and values to the cache: the key of a token holds
/// token × (layer + 1), its value holds position + 2 (in every head and channel). With
/// <see cref="ExactDecoderSettings.ChecksCache"/> the next token is
/// <c>(token + 1 + Q × Σ visible cached token × (position + 2)) mod vocabulary</c>, Q = Σ (layer + 1)²,
/// read back from the cache in every layer — so a lost, stale, reordered, mispositioned or unmasked
/// cache entry, a key/value swap or another sequence's rows all change the answer. Without it the
/// next token is simply <c>(token + 1) mod vocabulary</c>.
/// </summary>
public static class ExactDecoderBuilder
{
    public static byte[] Build(ExactDecoderSettings settings)
    {
        var g = new GraphWriter("exact-decoder");
        DeclareInterface(g, settings.Layers, settings.KvHeads, settings.HeadSize, settings.Vocabulary, settings.PositionIds);
        g.Metadata("max_position_embeddings", settings.ContextLength.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var sequence = DimOf(g, DecoderNames.InputIds, 1);
        var past = DimOf(g, DecoderNames.PastKey(0), 2);
        var total = g.Op("Add", [past, sequence]);
        // Without position_ids the model counts positions in cache slots, as GPT-2 exports do.
        var positions = settings.PositionIds
            ? DecoderNames.PositionIds
            : g.Op("Add", [g.Op("Mul", [DecoderNames.InputIds, g.Int64s(0)]), g.Op("Range", [past, total, g.Int64Scalar(1)])]);

        var channels = g.Floats(Enumerable.Repeat(1f, settings.KvHeads * settings.HeadSize).ToArray(), 1, settings.KvHeads, 1, settings.HeadSize);
        var tokens4 = g.Op("Unsqueeze", [g.Op("Cast", [DecoderNames.InputIds], null, GraphWriter.Int("to", (long)FloatType)), g.Int64s(1, 3)]);
        var positions4 = g.Op("Unsqueeze", [g.Op("Cast", [g.Op("Add", [positions, g.Int64s(2)])], null, GraphWriter.Int("to", (long)FloatType)), g.Int64s(1, 3)]);
        var newValue = g.Op("Mul", [positions4, channels]);

        string? weights = null;
        for (var layer = 0; layer < settings.Layers; layer++)
        {
            var newKey = g.Op("Mul", [g.Op("Mul", [tokens4, g.Floats([layer + 1f], 1)]), channels]);
            var keys = g.Op("Concat", [DecoderNames.PastKey(layer), newKey], DecoderNames.PresentKey(layer), GraphWriter.Int("axis", 2));
            var values = g.Op("Concat", [DecoderNames.PastValue(layer), newValue], DecoderNames.PresentValue(layer), GraphWriter.Int("axis", 2));
            if (!settings.ChecksCache)
            {
                continue;
            }
            // Channel 0 of head 0 of every cached slot, read back from the cache itself: [batch, total].
            var keyTokens = FirstChannel(g, keys);
            var valuePositions = FirstChannel(g, values);
            var weight = g.Op("Mul", [g.Op("Mul", [keyTokens, valuePositions]), g.Int64s(layer + 1)]);
            weights = weights is null ? weight : g.Op("Add", [weights, weight]);
        }

        var next = g.Op("Add", [DecoderNames.InputIds, g.Int64s(1)]);
        if (weights is not null)
        {
            var visible = VisibleKeys(g, sequence, total, includeSelf: false);
            var seen = g.Op("ReduceSum", [g.Op("Mul", [visible, g.Op("Unsqueeze", [weights, g.Int64s(1)])]), g.Int64s(2)], null, GraphWriter.Int("keepdims", 0));
            next = g.Op("Add", [next, seen]);
        }
        // x mod V as x − (x / V)·V: integer Div works on every execution provider, Mod not on all.
        var vocabulary = g.Int64s(settings.Vocabulary);
        var target = g.Op("Sub", [next, g.Op("Mul", [g.Op("Div", [next, vocabulary]), vocabulary])]);
        g.Op("OneHot", [target, g.Int64Scalar(settings.Vocabulary), g.Floats([0f, 1f], 2)], DecoderNames.Logits, GraphWriter.Int("axis", -1));
        return g.Builder.ToBytes();
    }

    /// <summary>
    /// The tokens greedy decoding must produce after <paramref name="prompt"/>, computed here without
    /// ONNX: the oracle the tests compare the engine with.
    /// </summary>
    public static IReadOnlyList<int> ExpectedTokens(ExactDecoderSettings settings, IReadOnlyList<int> prompt, int count)
    {
        long q = 0;
        for (var layer = 1; layer <= settings.Layers; layer++)
        {
            q += (long)layer * layer;
        }
        var sequence = prompt.Select(t => (long)t).ToList();
        var produced = new List<int>();
        for (var i = 0; i < count; i++)
        {
            var current = sequence.Count - 1;
            long seen = 0;
            if (settings.ChecksCache)
            {
                for (var j = 0; j < current; j++)
                {
                    seen += sequence[j] * (j + 2);
                }
            }
            var next = (int)((sequence[current] + 1 + (q * seen)) % settings.Vocabulary);
            produced.Add(next);
            sequence.Add(next);
        }
        return produced;
    }

    private static string FirstChannel(GraphWriter g, string cache)
    {
        var zero = g.Int64Scalar(0);
        var firstHead = g.Op("Gather", [cache, zero], null, GraphWriter.Int("axis", 1));
        var firstChannel = g.Op("Gather", [firstHead, zero], null, GraphWriter.Int("axis", 2));
        return g.Op("Cast", [firstChannel], null, GraphWriter.Int("to", (long)Int64Type));
    }
}

/// <summary>The exact decoder's shape; small by default so tests build and run it in milliseconds.</summary>
public sealed record ExactDecoderSettings
{
    public int Vocabulary { get; init; } = 256;

    public int Layers { get; init; } = 2;

    public int KvHeads { get; init; } = 2;

    public int HeadSize { get; init; } = 4;

    /// <summary>Written as the model's max_position_embeddings metadata.</summary>
    public int ContextLength { get; init; } = 64;

    /// <summary>False leaves position_ids out: the model counts cache slots instead, as GPT-2 exports do.</summary>
    public bool PositionIds { get; init; } = true;

    /// <summary>False makes the next token (token + 1) mod vocabulary, whatever the cache holds.</summary>
    public bool ChecksCache { get; init; } = true;
}
