using Microsoft.ML.OnnxRuntime;

namespace Marketplace.Inference.Generation;

/// <summary>
/// Sequences that decode together, and their cache: one tensor per layer and key/value of
/// [rows, kv heads, Length, head size]. Rows are left-padded to the longest: a row with a shorter
/// cache has (Length − its length) padding slots first, masked out by attention_mask, while its
/// position_ids carry its true positions. Left padding keeps every row's newest slot in the same
/// (last) column, so one Concat inside the model appends a token for every row at once and the cache
/// needs rearranging only when a sequence joins or leaves, never per step.
/// </summary>
internal sealed class CacheBatch : IDisposable
{
    public List<ActiveGeneration> Rows { get; } = [];

    /// <summary>The cache (owned); empty while no sequence has joined.</summary>
    public OrtValue[] Past { get; set; } = [];

    /// <summary>Padded cache length: the longest row's.</summary>
    public int Length { get; set; }

    public void Dispose()
    {
        CacheValues.Dispose(Past);
        Past = [];
    }
}
