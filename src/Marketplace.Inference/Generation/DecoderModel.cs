namespace Marketplace.Inference.Generation;

/// <summary>A decoder version to generate with: its ONNX file (keyed by SHA-256, like every model) and its tokenizer.</summary>
public sealed record DecoderModel
{
    public required string ArtifactPath { get; init; }

    /// <summary>Lower-case hex SHA-256 of the artifact: one scheduler per (model, device).</summary>
    public required string Sha256 { get; init; }

    public required ITextTokenizer Tokenizer { get; init; }

    /// <summary>Overrides the tokenizer's end-of-sequence id (a listing's own setting).</summary>
    public int? EndOfSequenceId { get; init; }
}
