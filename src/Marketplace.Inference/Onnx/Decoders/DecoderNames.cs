using System.Globalization;

namespace Marketplace.Inference.Onnx.Decoders;

/// <summary>
/// Tensor names of the KV-cache layout that Hugging Face Optimum, transformers.js and ONNX Runtime
/// GenAI export: the builders write them, the validator recognises a decoder by them and the
/// decoding loop feeds them. Layer counts and shapes are never assumed: they are read from the model.
/// </summary>
public static class DecoderNames
{
    public const string InputIds = "input_ids";
    public const string AttentionMask = "attention_mask";
    public const string PositionIds = "position_ids";
    public const string Logits = "logits";
    public const string PastPrefix = "past_key_values.";
    public const string PresentPrefix = "present.";

    /// <summary>Model metadata keys that may carry the context length, most specific first.</summary>
    public static readonly IReadOnlyList<string> ContextLengthMetadataKeys =
        ["context_length", "max_position_embeddings", "n_positions", "max_sequence_length"];

    public static string PastKey(int layer) => Cache(PastPrefix, layer, "key");

    public static string PastValue(int layer) => Cache(PastPrefix, layer, "value");

    public static string PresentKey(int layer) => Cache(PresentPrefix, layer, "key");

    public static string PresentValue(int layer) => Cache(PresentPrefix, layer, "value");

    private static string Cache(string prefix, int layer, string part) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}{layer}.{part}");
}
