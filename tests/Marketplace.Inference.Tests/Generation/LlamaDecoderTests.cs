using Marketplace.Inference.Generation;
using Marketplace.Inference.Onnx.Decoders;

namespace Marketplace.Inference.Tests.Generation;

public sealed class LlamaDecoderTests
{
    [Fact]
    public async Task The_tiny_llama_decoder_gives_the_same_greedy_tokens_with_and_without_its_cache()
    {
        var model = DecoderFixtures.TinyLlamaModel();
        using var raw = new RawGreedyLoop(model.ArtifactPath, intraOpThreads: 1);
        using var engine = DecoderFixtures.Engine();
        int[] prompt = [72, 101, 108, 108, 111];

        var uncached = raw.Generate(prompt, 24, useCache: false);
        var cached = raw.Generate(prompt, 24, useCache: true);
        var fromEngine = await engine.GenerateAsync(model, new GenerationRequest { PromptTokenIds = prompt, MaxNewTokens = 24 });

        Assert.Equal(uncached.Tokens, cached.Tokens);
        Assert.Equal(uncached.Tokens, fromEngine.Tokens);
        Assert.True(uncached.Tokens.Distinct().Count() > 3, "random weights should not collapse onto one token");
    }

    [Fact]
    public void The_SmolLM2_preset_has_the_real_model_s_shape_and_size()
    {
        var config = LlamaDecoderConfig.SmolLm2_135M;

        Assert.Equal((30, 576, 9, 3, 64, 49152, 2048), (config.Layers, config.Hidden, config.Heads, config.KvHeads, config.HeadSize, config.Vocabulary, config.ContextLength));
        Assert.Equal(134_515_008, config.ParameterCount);
    }
}
