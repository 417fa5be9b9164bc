namespace Marketplace.Domain.Listings;

/// <summary>
/// The shape of a decoder (a text-generation model) that decides its KV cache, from the model's
/// published configuration: the cache holds, per token, keys and values for every layer and KV head.
/// </summary>
public sealed record DecoderShape(int Layers, int KvHeads, int HeadDim, int ContextLength)
{
    /// <summary>2 (keys and values) × layers × KV heads × head size × bytes per element.</summary>
    public double KvBytesPerToken(double bytesPerElement) => 2.0 * Layers * KvHeads * HeadDim * bytesPerElement;
}
