namespace Marketplace.Inference.Models;

/// <summary>How a listing feeds its model: the sandbox turns the customer's input into tensors with it.</summary>
public enum AdapterKind
{
    /// <summary>BERT WordPiece tokens: input_ids, attention_mask, token_type_ids.</summary>
    Text,

    /// <summary>An encoded PNG/JPEG decoded, resized and normalised into an NCHW float tensor.</summary>
    Image,

    /// <summary>Raw tensors given as shape + data.</summary>
    Tensor,
}

/// <summary>
/// Everything the engine needs to run one model version: the artifact (by path and SHA-256, which
/// keys the session cache), how inputs are adapted and how outputs are interpreted.
/// </summary>
public sealed record ModelDescriptor
{
    public required string ArtifactPath { get; init; }

    /// <summary>Lower-case hex SHA-256 of the artifact: the identity of the model in caches.</summary>
    public required string Sha256 { get; init; }

    public required AdapterKind Adapter { get; init; }

    public TextAdapterSettings? Text { get; init; }

    public ImageAdapterSettings? Image { get; init; }

    public OutputSettings Output { get; init; } = new();

    /// <summary>Null uses the engine's defaults; batching applies only to models with a dynamic first dimension.</summary>
    public BatchingSettings? Batching { get; init; }
}

/// <summary>BERT-style text input. Pooling is chosen in <see cref="OutputSettings"/>.</summary>
public sealed record TextAdapterSettings
{
    public required string VocabPath { get; init; }

    /// <summary>Token budget including [CLS] and [SEP] (all-MiniLM-L6-v2 uses 256).</summary>
    public int MaxTokens { get; init; } = 256;

    public bool LowerCase { get; init; } = true;

    /// <summary>True cuts longer texts at <see cref="MaxTokens"/> as sentence-transformers does; false refuses them.</summary>
    public bool Truncate { get; init; } = true;
}

public enum ChannelOrder
{
    Rgb,
    Bgr,
}

/// <summary>Image input: decoded, resized to Width×Height, scaled to [0,1], then (x − mean) / std per channel, NCHW.</summary>
public sealed record ImageAdapterSettings
{
    public int Width { get; init; } = 224;

    public int Height { get; init; } = 224;

    /// <summary>Per channel, in <see cref="Channels"/> order, applied after scaling to [0,1].</summary>
    public IReadOnlyList<float> Mean { get; init; } = [0.485f, 0.456f, 0.406f];

    public IReadOnlyList<float> Std { get; init; } = [0.229f, 0.224f, 0.225f];

    public ChannelOrder Channels { get; init; } = ChannelOrder.Rgb;

    /// <summary>Pixel values are multiplied by this before mean/std (1/255 gives [0,1]; 1 keeps 0–255).</summary>
    public float Scale { get; init; } = 1f / 255f;
}

public enum OutputKind
{
    /// <summary>One vector per input: token outputs mean-pooled over the attention mask, pooled outputs flattened.</summary>
    Embedding,

    /// <summary>Softmax scores over a label list, best first.</summary>
    Labels,

    /// <summary>The model's outputs as they are.</summary>
    Tensors,
}

public sealed record OutputSettings
{
    public OutputKind Kind { get; init; } = OutputKind.Tensors;

    /// <summary>Which output to interpret; null takes the model's first output.</summary>
    public string? OutputName { get; init; }

    /// <summary>Embeddings: divide by the L2 norm (sentence-transformers' Normalize module).</summary>
    public bool Normalize { get; init; } = true;

    /// <summary>Labels: names by class index; missing names show as the index.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    public int TopK { get; init; } = 5;

    /// <summary>Labels: apply softmax to the logits (false when the model already outputs probabilities).</summary>
    public bool ApplySoftmax { get; init; } = true;
}

/// <summary>Dynamic micro-batching for models whose first input dimension is dynamic.</summary>
public sealed record BatchingSettings
{
    public bool Enabled { get; init; } = true;

    public int MaxBatch { get; init; } = 32;

    /// <summary>
    /// How long a batch may wait for more requests once the device is free. Zero batches exactly
    /// what queued while the device was busy, so a lone request never waits.
    /// </summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.Zero;
}
