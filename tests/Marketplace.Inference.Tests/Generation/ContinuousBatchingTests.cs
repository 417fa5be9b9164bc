using Marketplace.Inference.Execution;
using Marketplace.Inference.Generation;
using Marketplace.Inference.Onnx.Decoders;

namespace Marketplace.Inference.Tests.Generation;

public sealed class ContinuousBatchingTests
{
    public static readonly TheoryData<bool> PositionIds = new() { true, false };

    [Theory]
    [MemberData(nameof(PositionIds))]
    public async Task Sequences_of_different_lengths_joining_and_leaving_each_get_their_exact_tokens(bool positionIds)
    {
        // The exact decoder reads every cached token and position back, so a row that picked up
        // another row's cache, its padding or a wrong position would produce different tokens.
        var settings = DecoderFixtures.Exact with { PositionIds = positionIds, ContextLength = 128 };
        var model = DecoderFixtures.ExactModel(settings);
        using var engine = DecoderFixtures.Engine();
        await engine.LoadAsync(model);
        var requests = new (int[] Prompt, int NewTokens)[]
        {
            ([1], 40),
            ([9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 11, 12], 6),
            ([100, 101], 25),
            ([42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61], 12),
            ([255, 254, 253], 30),
            ([77], 1),
        };

        // The first three start together; the others join once the first has streamed some tokens.
        var first = await Task.WhenAll(requests[..3].Select(r => Start(engine, model, r)));
        await ReadAsync(first[0], 5);
        var later = await Task.WhenAll(requests[3..].Select(r => Start(engine, model, r)));
        var results = await Task.WhenAll(first.Concat(later).Select(s => s.Completion));

        for (var i = 0; i < requests.Length; i++)
        {
            Assert.Equal(ExactDecoderBuilder.ExpectedTokens(settings, requests[i].Prompt, requests[i].NewTokens), results[i].Tokens);
            Assert.Equal(FinishReason.Length, results[i].FinishReason);
        }
        var status = Assert.Single(engine.Status);
        Assert.Equal((0, 0), (status.Active, status.Waiting));
        Assert.Equal(0, status.KvCacheBytesReserved);
        if (positionIds)
        {
            // Shared steps: fewer passes than tokens decoded one sequence at a time.
            Assert.True(status.DecodeSteps < results.Sum(r => r.OutputTokens - 1), $"{status.DecodeSteps} steps");
        }
    }

    [Fact]
    public async Task The_llama_decoder_gives_each_sequence_in_a_padded_batch_the_tokens_it_gets_alone()
    {
        var model = DecoderFixtures.TinyLlamaModel();
        using var raw = new RawGreedyLoop(model.ArtifactPath, intraOpThreads: 1);
        using var engine = DecoderFixtures.Engine();
        int[][] prompts = [[1, 2, 3], [200, 17, 54, 90, 91, 92, 93, 5, 6], [33]];

        var streams = await Task.WhenAll(prompts.Select((p, i) => engine.StartAsync(model, new GenerationRequest { PromptTokenIds = p, MaxNewTokens = 12 + (4 * i) })));
        var results = await Task.WhenAll(streams.Select(s => s.Completion));

        for (var i = 0; i < prompts.Length; i++)
        {
            Assert.Equal(raw.Generate(prompts[i], 12 + (4 * i), useCache: false).Tokens, results[i].Tokens);
        }
    }

    [Fact]
    public async Task Cancelling_a_generation_mid_stream_frees_its_slot_for_a_waiting_one()
    {
        var settings = DecoderFixtures.Exact with { ContextLength = 100_000, ChecksCache = false };
        var model = DecoderFixtures.ExactModel(settings);
        using var engine = DecoderFixtures.Engine(o => o.MaxBatchSize = 1);
        await engine.LoadAsync(model);
        using var client = new CancellationTokenSource();

        var endless = await engine.StartAsync(model, new GenerationRequest { PromptTokenIds = [1], MaxNewTokens = 90_000 }, client.Token);
        await ReadAsync(endless, 3);
        var waiting = await engine.StartAsync(model, new GenerationRequest { PromptTokenIds = [10], MaxNewTokens = 3 });
        await WaitUntil(() => engine.Status.Single() is { Active: 1, Waiting: 1 });
        Assert.False(waiting.Completion.IsCompleted);

        await client.CancelAsync(); // the client went away
        var cancelled = await endless.Completion;
        var next = await waiting.Completion;

        Assert.Equal(FinishReason.Cancelled, cancelled.FinishReason);
        Assert.InRange(cancelled.OutputTokens, 3, 89_999);
        Assert.Equal([11, 12, 13], next.Tokens);
        await WaitUntil(() => engine.Status.Single() is { Active: 0, Waiting: 0, KvCacheBytesReserved: 0 });
    }

    [Fact]
    public async Task A_generation_waits_for_KV_cache_room_and_one_too_large_for_the_device_is_refused()
    {
        var settings = DecoderFixtures.Exact with { ContextLength = 100_000, ChecksCache = false };
        var model = DecoderFixtures.ExactModel(settings);
        // 2 layers × 2 KV heads × 4 channels × 2 (key, value) × 4 bytes = 128 bytes a token: room for 10,000 tokens.
        using var engine = DecoderFixtures.Engine(o => o.KvCacheBytesPerDevice = 1_280_000);
        await engine.LoadAsync(model);

        var big = await engine.StartAsync(model, new GenerationRequest { PromptTokenIds = [1], MaxNewTokens = 8_999 });
        await ReadAsync(big, 1);
        var small = await engine.StartAsync(model, new GenerationRequest { PromptTokenIds = [1], MaxNewTokens = 1_999 });
        await WaitUntil(() => engine.Status.Single() is { Active: 1, Waiting: 1, DeviceKvCacheBytesReserved: 1_152_000 }, () => engine.Status.Single());
        var tooLarge = await Assert.ThrowsAsync<InputRejectedException>(() =>
            engine.StartAsync(model, new GenerationRequest { PromptTokenIds = [1], MaxNewTokens = 12_000 }));

        Assert.Equal(8_999, (await big.Completion).OutputTokens);
        Assert.Equal(1_999, (await small.Completion).OutputTokens);
        Assert.Equal("the generation needs 1.5 MiB of KV cache; a device here holds at most 1.2 MiB", tooLarge.Message);
        await WaitUntil(() => engine.Status.Single() is { Active: 0, DeviceKvCacheBytesReserved: 0 }, () => engine.Status.Single());
    }

    private static Task<GenerationStream> Start(GenerationEngine engine, DecoderModel model, (int[] Prompt, int NewTokens) request) =>
        engine.StartAsync(model, new GenerationRequest { PromptTokenIds = request.Prompt, MaxNewTokens = request.NewTokens });

    private static async Task ReadAsync(GenerationStream stream, int chunks)
    {
        for (var i = 0; i < chunks; i++)
        {
            await stream.Chunks.ReadAsync();
        }
    }

    /// <summary>Polls a condition the scheduler's thread makes true between steps (no sleeps of fixed length).</summary>
    private static async Task WaitUntil(Func<bool> condition, Func<object>? state = null)
    {
        for (var i = 0; i < 2_000 && !condition(); i++)
        {
            await Task.Delay(5);
        }
        Assert.True(condition(), state?.Invoke().ToString());
    }
}
