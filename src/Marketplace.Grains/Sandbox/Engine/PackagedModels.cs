using Marketplace.Inference.Models;
using Marketplace.Abstractions.Sandbox;

namespace Marketplace.Grains.Sandbox.Engine;

/// <summary>The real models the build extracted beside the host (see Marketplace.Inference's RealModels).</summary>
public sealed class PackagedModels : IBuiltInArtifacts
{
    public BuiltInArtifact? Find(string id)
    {
        try
        {
            return id switch
            {
                "all-minilm-l6-v2" => RealModels.MiniLmFiles(RealModels.DefaultDirectory) is var (model, vocab) ? new BuiltInArtifact(model, vocab) : null,
                "resnet-18-featurizer" => new BuiltInArtifact(RealModels.ResNet18().ArtifactPath, null),
                _ => null,
            };
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }
}
