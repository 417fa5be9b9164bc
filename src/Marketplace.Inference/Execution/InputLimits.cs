namespace Marketplace.Inference.Execution;

/// <summary>Sizes refused before any work is done, so one request cannot take a device's memory or time.</summary>
public sealed record InputLimits
{
    public int MaxTextChars { get; init; } = 20_000;

    public long MaxImageBytes { get; init; } = 20L * 1024 * 1024;

    /// <summary>Width × height of the decoded image, read from its header before decoding.</summary>
    public long MaxImagePixels { get; init; } = 40_000_000;

    /// <summary>Elements over all tensors of one tensor input.</summary>
    public long MaxTensorElements { get; init; } = 16_000_000;
}
