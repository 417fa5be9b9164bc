using Marketplace.Inference.Generation;

namespace Marketplace.Inference.Tests.Generation;

public sealed class SamplingTests : IDisposable
{
    private static readonly SamplingSettings Creative = new() { Temperature = 1.5f, TopK = 100, TopP = 0.95f };
    private readonly GenerationEngine _engine = DecoderFixtures.Engine();

    [Fact]
    public async Task The_same_seed_gives_the_same_tokens_and_another_seed_other_tokens()
    {
        var model = DecoderFixtures.TinyLlamaModel();
        GenerationRequest Request(int seed) => new() { PromptTokenIds = [1, 2, 3], MaxNewTokens = 24, Sampling = Creative with { Seed = seed } };

        var first = await _engine.GenerateAsync(model, Request(7));
        var again = await _engine.GenerateAsync(model, Request(7));
        var other = await _engine.GenerateAsync(model, Request(8));

        Assert.Equal(first.Tokens, again.Tokens);
        Assert.NotEqual(first.Tokens, other.Tokens);
        Assert.Equal(7, first.Seed);
    }

    [Fact]
    public async Task Seeded_sampling_is_reproducible_inside_a_batch_too()
    {
        var model = DecoderFixtures.TinyLlamaModel();
        var alone = await _engine.GenerateAsync(model, new GenerationRequest { PromptTokenIds = [5, 6], MaxNewTokens = 16, Sampling = Creative with { Seed = 11 } });

        var together = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => _engine.GenerateAsync(model, new GenerationRequest
        {
            PromptTokenIds = i == 0 ? [5, 6] : [9, 9, 9, i],
            MaxNewTokens = 16,
            Sampling = Creative with { Seed = i == 0 ? 11 : i },
        })));

        Assert.Equal(alone.Tokens, together[0].Tokens);
    }

    [Fact]
    public void Greedy_takes_the_highest_logit_and_the_lowest_id_on_a_tie()
    {
        var greedy = new TokenSampler(new SamplingSettings(), seed: 1);

        Assert.Equal(2, greedy.Next([0.1f, 0.5f, 0.9f, 0.2f]));
        Assert.Equal(1, greedy.Next([0.1f, 0.9f, 0.9f, 0.2f]));
    }

    [Fact]
    public void Top_k_and_top_p_keep_only_the_most_likely_tokens()
    {
        float[] logits = [0f, 5f, 4.9f, -3f, 1f];
        var topTwo = new TokenSampler(new SamplingSettings { Temperature = 1f, TopK = 2, Seed = 3 }, seed: 3);
        var nucleus = new TokenSampler(new SamplingSettings { Temperature = 1f, TopP = 0.01f }, seed: 3);

        var drawn = Enumerable.Range(0, 200).Select(_ => topTwo.Next(logits)).ToHashSet();

        Assert.Equal([1, 2], drawn.Order());
        Assert.All(Enumerable.Range(0, 50), _ => Assert.Equal(1, nucleus.Next(logits)));
    }

    public void Dispose() => _engine.Dispose();
}
