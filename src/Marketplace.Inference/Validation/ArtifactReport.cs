using Marketplace.Domain.Listings;

namespace Marketplace.Inference.Validation;

public enum ArtifactStatus
{
    Valid,
    Invalid,
}

/// <summary>
/// What validation found in a partner's model file: whether it may be submitted, every reason it
/// may not (shown to the partner and the reviewer), and the facts read from it.
/// </summary>
public sealed record ArtifactReport
{
    public required ArtifactStatus Status { get; init; }

    public IReadOnlyList<string> Reasons { get; init; } = [];

    public IReadOnlyList<TensorSpec> Inputs { get; init; } = [];

    public IReadOnlyList<TensorSpec> Outputs { get; init; } = [];

    /// <summary>The default ONNX domain's opset version.</summary>
    public long? Opset { get; init; }

    public long? IrVersion { get; init; }

    public string? Producer { get; init; }

    /// <summary>Elements over all initializers (weights).</summary>
    public long ParameterCount { get; init; }

    public long InitializerBytes { get; init; }

    /// <summary>Distinct operators ("Conv", "ai.onnx.ml:TreeEnsembleClassifier"), for the reviewer.</summary>
    public IReadOnlyList<string> Operators { get; init; } = [];

    public string? Sha256 { get; init; }

    public long SizeBytes { get; init; }

    /// <summary>
    /// Layers, KV heads, head size, vocabulary and context of a valid decoder with a KV cache; null for
    /// other models and for decoders refused (the reasons say why).
    /// </summary>
    public DecoderDescription? Decoder { get; init; }

    public static ArtifactReport Invalid(params string[] reasons) => new() { Status = ArtifactStatus.Invalid, Reasons = reasons };
}

/// <summary>The inputs and outputs a partner declared for the listing; validation checks the file matches.</summary>
public sealed record DeclaredSchema(IReadOnlyList<TensorSpec> Inputs, IReadOnlyList<TensorSpec> Outputs);

/// <summary>Bounds on what a model file may contain; anything beyond is refused with a reason.</summary>
public sealed record InspectionLimits
{
    public long MaxFileBytes { get; init; } = 2L * 1024 * 1024 * 1024 - 1;

    /// <summary>Nested subgraphs (If/Loop/Scan bodies) deeper than this are refused.</summary>
    public int MaxGraphDepth { get; init; } = 8;

    /// <summary>Protobuf message nesting the parser follows before giving up (each subgraph level takes about 3).</summary>
    public int ProtobufRecursionLimit { get; init; } = 64;

    /// <summary>Largest single declared dimension.</summary>
    public long MaxDimension { get; init; } = int.MaxValue;

    /// <summary>Largest element count of any declared tensor.</summary>
    public long MaxTensorElements { get; init; } = 1L << 31;

    /// <summary>After the session is created, run it once on zeros (dynamic dimensions as 1) to prove it executes.</summary>
    public bool SmokeRun { get; init; } = true;

    /// <summary>A decoder's context length when neither its metadata nor its attention_mask says.</summary>
    public int DefaultDecoderContextLength { get; init; } = 2048;
}
