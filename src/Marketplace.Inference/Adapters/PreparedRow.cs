namespace Marketplace.Inference.Adapters;

/// <summary>
/// One request's tensors, ready to run alone or to be stacked with others into a batch: one buffer
/// and shape per model input, in the session's input order, with a batch dimension of 1.
/// </summary>
internal sealed class PreparedRow
{
    public required Array[] Data { get; init; }

    public required long[][] Shapes { get; init; }

    /// <summary>Rows with equal keys can share a batch; null runs alone.</summary>
    public string? BatchKey { get; init; }

    /// <summary>Rank-2 inputs ([1, tokens]) may be zero-padded to the longest row of a batch.</summary>
    public bool PadSequences { get; init; }

    /// <summary>Text rows: the attention mask, for pooling over real tokens only.</summary>
    public long[]? AttentionMask { get; init; }
}
