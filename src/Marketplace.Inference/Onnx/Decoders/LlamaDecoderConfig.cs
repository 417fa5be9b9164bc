namespace Marketplace.Inference.Onnx.Decoders;

/// <summary>
/// The shape of a Llama-style decoder (RMSNorm, rotary positions, grouped-query attention, SwiGLU,
/// tied input/output embeddings). Weights are seeded random numbers: the text it writes is gibberish,
/// but its speed and memory are those of a real model of the same shape.
/// </summary>
public sealed record LlamaDecoderConfig
{
    public required int Layers { get; init; }

    public required int Hidden { get; init; }

    public required int Heads { get; init; }

    public required int KvHeads { get; init; }

    public required int Intermediate { get; init; }

    public required int Vocabulary { get; init; }

    public required int ContextLength { get; init; }

    public float RopeTheta { get; init; } = 10_000f;

    public float RmsNormEpsilon { get; init; } = 1e-5f;

    /// <summary>Standard deviation of the random weights (Hugging Face initialises Llama with 0.02).</summary>
    public float WeightScale { get; init; } = 0.02f;

    public int Seed { get; init; } = 1;

    public int HeadSize => Hidden / Heads;

    /// <summary>Weights in the file (embeddings counted once: they are tied to the output layer).</summary>
    public long ParameterCount =>
        ((long)Vocabulary * Hidden) + Hidden
        + (Layers * (
            (2L * Hidden)
            + ((long)Hidden * Heads * HeadSize * 2)
            + ((long)Hidden * KvHeads * HeadSize * 2)
            + (3L * Hidden * Intermediate)));

    /// <summary>SmolLM2-135M's shape: 30 layers, 576 wide, 9 heads, 3 KV heads, vocabulary 49152, context 2048.</summary>
    public static LlamaDecoderConfig SmolLm2_135M { get; } = new()
    {
        Layers = 30,
        Hidden = 576,
        Heads = 9,
        KvHeads = 3,
        Intermediate = 1536,
        Vocabulary = 49152,
        ContextLength = 2048,
        RopeTheta = 100_000f,
    };

    /// <summary>Two layers, 64 wide: builds and runs in milliseconds, for tests.</summary>
    public static LlamaDecoderConfig Tiny { get; } = new()
    {
        Layers = 2,
        Hidden = 64,
        Heads = 4,
        KvHeads = 2,
        Intermediate = 128,
        Vocabulary = 320,
        ContextLength = 128,
        // Larger weights give peaked, well-separated logits, so greedy choices do not hinge on rounding.
        WeightScale = 0.5f,
    };
}
