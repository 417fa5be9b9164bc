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

    /// <summary>What validation read from a decoder with a KV cache (text-generation models); null for any other model.</summary>
    public ArtifactDecoder? Decoder { get; init; }

    /// <summary>The tokenizer files a text-generation model's prompts and answers go through.</summary>
    public ModelTokenizer? Tokenizer { get; init; }

    public bool IsValid => Status == Valid;
}

/// <summary>A decoder's KV-cache layout, vocabulary and context, as the validator read them from the file.</summary>
public sealed record ArtifactDecoder(int Layers, int KvHeads, int HeadSize, int VocabularySize, int ContextLength, bool HasPositionIds)
{
    public DecoderShape ToShape() => new(Layers, KvHeads, HeadSize, ContextLength);
}

/// <summary>
/// A text-generation model's tokenizer, stored content-addressed: GPT-2-style byte-level BPE
/// (vocab.json and merges.txt) or SentencePiece (tokenizer.model). What was read from the files
/// when they were uploaded comes with them.
/// </summary>
public sealed record ModelTokenizer
{
    public const string ByteLevelBpe = "byte-level-bpe";
    public const string SentencePiece = "sentencepiece";

    /// <summary><see cref="ByteLevelBpe"/> or <see cref="SentencePiece"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>Byte-level BPE: vocab.json.</summary>
    public string? VocabSha256 { get; init; }

    /// <summary>Byte-level BPE: merges.txt (may hold no merges).</summary>
    public string? MergesSha256 { get; init; }

    /// <summary>SentencePiece: tokenizer.model.</summary>
    public string? ModelSha256 { get; init; }

    /// <summary>One more than the largest id the tokenizer knows.</summary>
    public int VocabularySize { get; init; }

    /// <summary>The end-of-sequence id the files define, if any (a listing may override it).</summary>
    public int? EndOfSequenceId { get; init; }
}
