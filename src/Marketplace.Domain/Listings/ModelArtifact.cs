namespace Marketplace.Domain.Listings;

/// <summary>
/// A model version's ONNX file as the isolated validator saw it. Trials and benchmarks run only a
/// <see cref="Valid"/> artifact; an invalid one blocks submission, with its reasons shown to the
/// partner and the reviewer.
/// </summary>
public sealed record ModelArtifact
{
    public const string Valid = "Valid";
    public const string Invalid = "Invalid";

    public required string Sha256 { get; init; }

    public required long SizeBytes { get; init; }

    public required string Status { get; init; }

    public IReadOnlyList<string> Reasons { get; init; } = [];

    public IReadOnlyList<TensorSpec> Inputs { get; init; } = [];

    public IReadOnlyList<TensorSpec> Outputs { get; init; } = [];

    public long? Opset { get; init; }

    public string? Producer { get; init; }

    public long ParameterCount { get; init; }

    public long InitializerBytes { get; init; }

    public DateTimeOffset ValidatedAt { get; init; }

    /// <summary>The WordPiece vocabulary (vocab.txt) text models need, by SHA-256.</summary>
    public string? VocabularySha256 { get; init; }

    public bool IsValid => Status == Valid;
}
