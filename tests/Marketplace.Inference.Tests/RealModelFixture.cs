using Marketplace.Inference.Models;

namespace Marketplace.Inference.Tests;

/// <summary>One engine with the real models loaded once for all tests that use them.</summary>
public sealed class RealModelFixture : IDisposable
{
    public InferenceEngine Engine { get; } = new(new InferenceEngineOptions { Discovery = new() { DisableCuda = true } });

    public ModelDescriptor MiniLm { get; } = RealModels.MiniLm();

    public ModelDescriptor ResNet18 { get; } = RealModels.ResNet18();

    public void Dispose() => Engine.Dispose();
}

[CollectionDefinition(Name)]
public sealed class RealModelCollection : ICollectionFixture<RealModelFixture>
{
    public const string Name = "real models";
}
