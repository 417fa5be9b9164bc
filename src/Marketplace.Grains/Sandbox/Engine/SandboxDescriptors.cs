using Marketplace.Abstractions.Errors;
using Marketplace.Abstractions.Files;
using Marketplace.Domain.Sandbox;
using Marketplace.Domain.Vocabulary;
using Marketplace.Inference.Models;

namespace Marketplace.Grains.Sandbox.Engine;

/// <summary>Turns a listing's model (spec + validated file) into what the engine runs.</summary>
public static class SandboxDescriptors
{
    public static ModelDescriptor For(SandboxModel model, IContentStore store)
    {
        var spec = model.Spec;
        var settings = spec.AdapterSettings;
        var adapter = spec.Adapter switch
        {
            ModelAdapters.Text => AdapterKind.Text,
            ModelAdapters.Image => AdapterKind.Image,
            // A decoder runs token by token with its KV cache on the generation engine, never as one pass.
            ModelAdapters.Generate => throw new ConflictException("sandbox.generation_model",
                $"This model generates text: it runs on the generation engine (POST /api/v1/sandbox/models/{model.ListingId}/generations), not as a trial."),
            _ => AdapterKind.Tensor,
        };
        return new ModelDescriptor
        {
            ArtifactPath = store.PathOf(model.Artifact.Sha256),
            Sha256 = model.Artifact.Sha256,
            Adapter = adapter,
            Text = adapter != AdapterKind.Text ? null : new TextAdapterSettings
            {
                VocabPath = model.Artifact.VocabularySha256 is { } vocab
                    ? store.PathOf(vocab)
                    : throw new ConflictException("sandbox.no_vocabulary", "This text model has no vocabulary (vocab.txt) yet, so it cannot tokenise input."),
                MaxTokens = settings?.MaxTokens ?? 256,
                LowerCase = settings?.LowerCase ?? true,
            },
            Image = adapter != AdapterKind.Image ? null : new ImageAdapterSettings
            {
                Width = settings?.ImageSize ?? 224,
                Height = settings?.ImageSize ?? 224,
                Mean = settings?.Mean ?? [0.485f, 0.456f, 0.406f],
                Std = settings?.Std ?? [0.229f, 0.224f, 0.225f],
                Channels = settings?.ChannelOrder == "bgr" ? ChannelOrder.Bgr : ChannelOrder.Rgb,
                Scale = settings?.PixelScale ?? 1f / 255f,
            },
            Output = new OutputSettings
            {
                Kind = OutputKindFor(spec.Task, settings?.Output),
                OutputName = settings?.OutputName,
                Labels = settings?.Labels ?? [],
            },
        };
    }

    private static OutputKind OutputKindFor(string task, string? declared) => (ModelOutputs.All.Normalize(declared) ?? ModelTasks.DefaultOutput(task)) switch
    {
        ModelOutputs.Embedding => OutputKind.Embedding,
        ModelOutputs.Labels => OutputKind.Labels,
        _ => OutputKind.Tensors,
    };
}
