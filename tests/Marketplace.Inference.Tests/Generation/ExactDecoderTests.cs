using Marketplace.Inference.Generation;
using Marketplace.Inference.Onnx.Decoders;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Marketplace.Inference.Tests.Generation;

public sealed class ExactDecoderTests : IDisposable
{
    private readonly GenerationEngine _engine = DecoderFixtures.Engine();

    [Fact]
    public void The_oracle_is_plus_one_when_the_cache_is_not_checked()
    {
        var settings = DecoderFixtures.Exact with { ChecksCache = false };

        Assert.Equal([11, 12, 13, 14], ExactDecoderBuilder.ExpectedTokens(settings, [3, 10], 4));
        Assert.Equal([0, 1], ExactDecoderBuilder.ExpectedTokens(settings, [255], 2));
    }

    [Fact]
    public void Greedy_decoding_gives_the_exact_tokens_with_and_without_a_KV_cache()
    {
        int[] prompt = [5, 17, 200, 3];
        var expected = ExactDecoderBuilder.ExpectedTokens(DecoderFixtures.Exact, prompt, 20);
        using var raw = new RawGreedyLoop(DecoderFixtures.ExactModel().ArtifactPath, intraOpThreads: 1);

        var cached = raw.Generate(prompt, 20, useCache: true);
        var uncached = raw.Generate(prompt, 20, useCache: false);

        Assert.Equal(expected, cached.Tokens);
        Assert.Equal(expected, uncached.Tokens);
    }

    [Fact]
    public async Task The_engine_gives_the_exact_tokens_and_reports_usage_and_timings()
    {
        int[] prompt = [5, 17, 200, 3];

        var result = await _engine.GenerateAsync(DecoderFixtures.ExactModel(), new GenerationRequest { PromptTokenIds = prompt, MaxNewTokens = 20 });

        Assert.Equal(ExactDecoderBuilder.ExpectedTokens(DecoderFixtures.Exact, prompt, 20), result.Tokens);
        Assert.Equal(FinishReason.Length, result.FinishReason);
        Assert.Equal((4, 20), (result.InputTokens, result.OutputTokens));
        Assert.Equal("cpu", result.Device.Id);
        Assert.Null(result.Seed);
        Assert.True(result.TimeToFirstTokenMs >= result.PrefillMs && result.DecodeMs >= 0 && result.TotalMs >= result.TimeToFirstTokenMs);
    }

    [Fact]
    public async Task Without_a_cache_check_the_decoder_writes_the_next_letters()
    {
        var model = DecoderFixtures.ExactModel(DecoderFixtures.Exact with { ChecksCache = false });

        var stream = await _engine.StartAsync(model, new GenerationRequest { Prompt = "a", MaxNewTokens = 5 });
        var (chunks, result) = await DecoderFixtures.DrainAsync(stream);

        Assert.Equal("bcdef", result.Text);
        Assert.Equal(["b", "c", "d", "e", "f"], chunks.Select(c => c.Text));
        Assert.Equal([98, 99, 100, 101, 102], chunks.SelectMany(c => c.TokenIds));
        Assert.Equal(1, result.InputTokens);
    }

    [Fact]
    public void The_present_cache_holds_every_token_and_position_in_every_layer()
    {
        using var session = new InferenceSession(DecoderFixtures.ExactModel().ArtifactPath);
        long[] ids = [7, 9, 4];
        var past = Enumerable.Range(0, 4).Select(_ => OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, TensorElementType.Float, [1, 2, 0, 4])).ToList();
        var inputs = new List<OrtValue>
        {
            OrtValue.CreateTensorValueFromMemory(ids, [1, 3]),
            OrtValue.CreateTensorValueFromMemory(new long[] { 1, 1, 1 }, [1, 3]),
            OrtValue.CreateTensorValueFromMemory(new long[] { 0, 1, 2 }, [1, 3]),
        };
        inputs.AddRange(past);
        string[] inputNames = ["input_ids", "attention_mask", "position_ids", "past_key_values.0.key", "past_key_values.0.value", "past_key_values.1.key", "past_key_values.1.value"];
        string[] outputNames = ["logits", "present.0.key", "present.0.value", "present.1.key", "present.1.value"];

        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, inputNames, inputs, outputNames);
        var results = outputs.ToArray();

        Assert.Equal([1L, 3, 256], results[0].GetTensorTypeAndShape().Shape);
        foreach (var present in results[1..])
        {
            Assert.Equal([1L, 2, 3, 4], present.GetTensorTypeAndShape().Shape);
        }
        // Keys hold token × (layer + 1), values position + 2, in both heads and all four channels.
        Assert.Equal(Repeat(7, 9, 4), results[1].GetTensorDataAsSpan<float>().ToArray());
        Assert.Equal(Repeat(2, 3, 4), results[2].GetTensorDataAsSpan<float>().ToArray());
        Assert.Equal(Repeat(14, 18, 8), results[3].GetTensorDataAsSpan<float>().ToArray());
        // The prompt's own next tokens: 7 + 1, then 9 + 1 + 5·7·2, then 4 + 1 + 5·(7·2 + 9·3) (mod 256).
        Assert.Equal([8, 80, 210], Enumerable.Range(0, 3).Select(i => TokenSampler.ArgMax(results[0].GetTensorDataAsSpan<float>().Slice(i * 256, 256))));
        foreach (var value in inputs)
        {
            value.Dispose();
        }
    }

    private static float[] Repeat(params float[] perSlot) =>
        Enumerable.Range(0, 2).SelectMany(_ => perSlot.SelectMany(v => Enumerable.Repeat(v, 4))).ToArray();

    public void Dispose() => _engine.Dispose();
}
