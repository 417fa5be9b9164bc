using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Marketplace.Inference.Generation;
using Marketplace.Inference.Onnx.Decoders;

namespace Marketplace.Inference.Tests.Generation;

/// <summary>Decoders, tokenizers and engines for the generation tests, all made in code.</summary>
internal static class DecoderFixtures
{
    public static readonly ExactDecoderSettings Exact = new();

    public static GenerationEngine Engine(Action<GenerationEngineOptionsBuilder>? configure = null)
    {
        var builder = new GenerationEngineOptionsBuilder();
        configure?.Invoke(builder);
        return new GenerationEngine(builder.Build());
    }

    /// <summary>The exact decoder as a loadable model with the 256-byte tokenizer (token id = byte).</summary>
    public static DecoderModel ExactModel(ExactDecoderSettings? settings = null, int? endOfSequenceId = null)
    {
        var path = TestModels.Write(ExactDecoderBuilder.Build(settings ?? Exact));
        return new DecoderModel
        {
            ArtifactPath = path,
            Sha256 = Path.GetFileNameWithoutExtension(path),
            Tokenizer = ByteTokenizer(),
            EndOfSequenceId = endOfSequenceId,
        };
    }

    public static DecoderModel TinyLlamaModel()
    {
        var path = TestModels.Write(LlamaDecoderBuilder.Build(LlamaDecoderConfig.Tiny).ToByteArray());
        return new DecoderModel { ArtifactPath = path, Sha256 = Path.GetFileNameWithoutExtension(path), Tokenizer = ByteTokenizer() };
    }

    public static ByteLevelBpeTokenizer ByteTokenizer(IEnumerable<(string Token, int Id)>? extra = null, IEnumerable<string>? merges = null, TokenizerSettings? settings = null)
    {
        var vocabulary = ByteLevelBpeTokenizer.ByteAlphabetVocabulary();
        foreach (var (token, id) in extra ?? [])
        {
            vocabulary[token] = id;
        }
        var mergesText = "#version: 0.2\n" + string.Join("\n", merges ?? []);
        return ByteLevelBpeTokenizer.Load(
            new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(vocabulary)),
            new MemoryStream(Encoding.UTF8.GetBytes(mergesText)),
            settings);
    }

    /// <summary>Reads every chunk as it comes, then the result.</summary>
    public static async Task<(List<GeneratedChunk> Chunks, GenerationResult Result)> DrainAsync(GenerationStream stream)
    {
        var chunks = new List<GeneratedChunk>();
        await foreach (var chunk in stream.ReadChunksAsync())
        {
            chunks.Add(chunk);
        }
        return (chunks, await stream.Completion);
    }
}

/// <summary>Test defaults: no CUDA probe, one CPU thread per pass (the machine is shared).</summary>
internal sealed class GenerationEngineOptionsBuilder
{
    public int MaxBatchSize { get; set; } = 16;

    public long KvCacheBytesPerDevice { get; set; } = 256L * 1024 * 1024;

    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    public GenerationEngineOptions Build() => new()
    {
        Discovery = new() { DisableCuda = true },
        CpuIntraOpThreads = 1,
        MaxBatchSize = MaxBatchSize,
        KvCacheBytesPerDevice = KvCacheBytesPerDevice,
        TimeProvider = TimeProvider,
    };
}
