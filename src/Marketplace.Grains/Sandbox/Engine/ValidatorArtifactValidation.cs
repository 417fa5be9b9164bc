using Marketplace.Domain.Listings;
using Marketplace.Inference.Validation;
using Marketplace.Abstractions.Sandbox;

namespace Marketplace.Grains.Sandbox.Engine;

/// <summary>Validation through the isolated worker process, its report turned into the listing's artifact record.</summary>
public sealed class ValidatorArtifactValidation(ArtifactValidator validator, TimeProvider time) : IArtifactValidation
{
    public async Task<ModelArtifact> ValidateAsync(string path, string sha256, long sizeBytes, ModelSpec? declared, CancellationToken cancellationToken)
    {
        var schema = declared is { Inputs.Count: > 0 } or { Outputs.Count: > 0 } ? new DeclaredSchema(declared.Inputs, declared.Outputs) : null;
        var report = await validator.ValidateAsync(path, schema, cancellationToken);
        return new ModelArtifact
        {
            Sha256 = sha256,
            SizeBytes = sizeBytes,
            Status = report.Status == ArtifactStatus.Valid ? ModelArtifact.Valid : ModelArtifact.Invalid,
            Reasons = report.Reasons,
            Inputs = report.Inputs,
            Outputs = report.Outputs,
            Opset = report.Opset,
            Producer = report.Producer,
            ParameterCount = report.ParameterCount,
            InitializerBytes = report.InitializerBytes,
            Decoder = report.Decoder is { } d ? new ArtifactDecoder(d.Layers, d.KvHeads, d.HeadSize, d.VocabularySize, d.ContextLength, d.HasPositionIds) : null,
            ValidatedAt = time.GetUtcNow(),
        };
    }
}
