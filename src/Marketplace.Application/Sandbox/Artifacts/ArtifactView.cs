using Marketplace.Domain.Listings;

namespace Marketplace.Application.Sandbox.Artifacts;

/// <summary>
/// The validation result as the API answers an upload; for a decoder, the KV-cache layout, vocabulary
/// and context the validator read, and the tokenizer attached beside it.
/// </summary>
public sealed record ArtifactView(
    string Sha256,
    long SizeBytes,
    string Status,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<TensorSpec> Inputs,
    IReadOnlyList<TensorSpec> Outputs,
    long? Opset,
    string? Producer,
    long ParameterCount,
    long InitializerBytes,
    string ListingStatus,
    string Version,
    ArtifactDecoder? Decoder = null,
    ModelTokenizer? Tokenizer = null)
{
    public static ArtifactView From(ModelArtifact a, ListingVersion version) =>
        new(a.Sha256, a.SizeBytes, a.Status, a.Reasons, a.Inputs, a.Outputs, a.Opset, a.Producer, a.ParameterCount, a.InitializerBytes,
            version.Status.ToString(), version.Version, a.Decoder, a.Tokenizer);
}
