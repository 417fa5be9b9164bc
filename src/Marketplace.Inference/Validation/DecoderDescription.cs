using Marketplace.Domain.Listings;

namespace Marketplace.Inference.Validation;

/// <summary>
/// What validation read from a decoder (a text-generation model with a KV cache): enough to size its
/// cache, check prompts against its context and feed it. Null in a report for any other model.
/// </summary>
public sealed record DecoderDescription
{
    public required int Layers { get; init; }

    public required int KvHeads { get; init; }

    public required int HeadSize { get; init; }

    /// <summary>Width of the logits' last dimension.</summary>
    public required int VocabularySize { get; init; }

    public required int ContextLength { get; init; }

    /// <summary>Where the context length came from: "metadata:KEY", "attention_mask" or "default".</summary>
    public required string ContextLengthSource { get; init; }

    /// <summary>The model takes position_ids; without them sequences of different lengths are not batched together.</summary>
    public required bool HasPositionIds { get; init; }

    public DecoderShape ToShape() => new(Layers, KvHeads, HeadSize, ContextLength);

    /// <summary>float32 keys and values of every layer for one token.</summary>
    public long KvCacheBytesPerToken() => (long)ToShape().KvBytesPerToken(sizeof(float));
}
