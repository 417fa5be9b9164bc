using Marketplace.Inference.Execution;
using Marketplace.Inference.Generation;

namespace Marketplace.Inference.Tests.Generation;

/// <summary>How generations end: max tokens, stop sequences, end of sequence, context, deadline.</summary>
public sealed class GenerationLimitsTests : IDisposable
{
    // Prompt "a" gives "bcdefgh…": each token is the previous one + 1.
    private static readonly Marketplace.Inference.Onnx.Decoders.ExactDecoderSettings PlusOne = DecoderFixtures.Exact with { ChecksCache = false };
    private readonly GenerationEngine _engine = DecoderFixtures.Engine();

    [Fact]
    public async Task Max_new_tokens_ends_the_generation_with_reason_length()
    {
        var result = await _engine.GenerateAsync(DecoderFixtures.ExactModel(PlusOne), new GenerationRequest { Prompt = "a", MaxNewTokens = 3 });

        Assert.Equal(("bcd", FinishReason.Length, 3), (result.Text, result.FinishReason, result.OutputTokens));
    }

    [Fact]
    public async Task A_stop_sequence_ends_the_generation_before_it_and_is_never_streamed()
    {
        var stream = await _engine.StartAsync(DecoderFixtures.ExactModel(PlusOne), new GenerationRequest { Prompt = "a", MaxNewTokens = 20, StopSequences = ["xyz", "efg"] });
        var (chunks, result) = await DecoderFixtures.DrainAsync(stream);

        Assert.Equal(("bcd", FinishReason.Stop), (result.Text, result.FinishReason));
        Assert.Equal("bcd", string.Concat(chunks.Select(c => c.Text)));
        // "e" and "f" were held back as a possible start of "efg"; "g" completed it.
        Assert.Equal(["b", "c", "d", "", "", ""], chunks.Select(c => c.Text));
        Assert.Equal("bcdefg", new string(result.Tokens.Select(t => (char)t).ToArray()));
    }

    [Fact]
    public async Task Held_back_text_that_never_became_a_stop_sequence_is_sent_at_the_end()
    {
        var result = await _engine.GenerateAsync(DecoderFixtures.ExactModel(PlusOne), new GenerationRequest { Prompt = "a", MaxNewTokens = 4, StopSequences = ["efg"] });

        Assert.Equal(("bcde", FinishReason.Length), (result.Text, result.FinishReason));
    }

    [Fact]
    public async Task The_end_of_sequence_id_ends_the_generation_with_reason_stop_and_writes_no_text()
    {
        var model = DecoderFixtures.ExactModel(PlusOne, endOfSequenceId: 'd');

        var result = await _engine.GenerateAsync(model, new GenerationRequest { Prompt = "a", MaxNewTokens = 10 });

        Assert.Equal(("bc", FinishReason.Stop), (result.Text, result.FinishReason));
        Assert.Equal([98, 99, 100], result.Tokens);
    }

    [Fact]
    public async Task A_prompt_the_context_cannot_hold_is_a_typed_error_and_the_context_end_is_reason_length()
    {
        var model = DecoderFixtures.ExactModel(PlusOne with { ContextLength = 8 });

        var error = await Assert.ThrowsAsync<ContextLengthExceededException>(() =>
            _engine.StartAsync(model, new GenerationRequest { Prompt = "abcdefgh" }));
        var atTheEdge = await _engine.GenerateAsync(model, new GenerationRequest { Prompt = "abcde", MaxNewTokens = 64 });

        Assert.Equal((8, 8), (error.PromptTokens, error.ContextLength));
        Assert.Equal("the prompt has 8 tokens; the model's context holds 8, so at most 7 prompt tokens leave room for an answer", error.Message);
        Assert.Equal(("fgh", FinishReason.Length), (atTheEdge.Text, atTheEdge.FinishReason));
    }

    [Fact]
    public async Task Empty_prompts_and_ids_outside_the_vocabulary_are_refused()
    {
        var model = DecoderFixtures.ExactModel(PlusOne);

        await Assert.ThrowsAsync<InputRejectedException>(() => _engine.StartAsync(model, new GenerationRequest { Prompt = "" }));
        var outside = await Assert.ThrowsAsync<InputRejectedException>(() => _engine.StartAsync(model, new GenerationRequest { PromptTokenIds = [3, 256] }));
        Assert.Equal("the prompt has token ids outside the model's vocabulary of 256", outside.Message);
    }

    [Fact]
    public async Task The_deadline_ends_a_running_generation_and_a_queued_one_with_reason_deadline()
    {
        var clock = new ManualClock();
        using var engine = DecoderFixtures.Engine(o =>
        {
            o.TimeProvider = clock;
            o.MaxBatchSize = 1;
        });
        var model = DecoderFixtures.ExactModel(PlusOne with { ContextLength = 1_000_000 });
        await engine.LoadAsync(model);

        var running = await engine.StartAsync(model, new GenerationRequest { PromptTokenIds = [1], MaxNewTokens = 900_000, Deadline = TimeSpan.FromSeconds(10) });
        await running.Chunks.ReadAsync();
        var queued = await engine.StartAsync(model, new GenerationRequest { PromptTokenIds = [1], MaxNewTokens = 5, Deadline = TimeSpan.FromSeconds(5) });
        clock.Advance(TimeSpan.FromSeconds(6));
        var timedOutInQueue = await queued.Completion;
        clock.Advance(TimeSpan.FromSeconds(6));
        var timedOut = await running.Completion;

        Assert.Equal((FinishReason.Deadline, 0), (timedOutInQueue.FinishReason, timedOutInQueue.OutputTokens));
        Assert.Equal(6_000.0, timedOutInQueue.TotalMs);
        Assert.Equal(FinishReason.Deadline, timedOut.FinishReason);
        Assert.InRange(timedOut.OutputTokens, 1, 899_999);
    }

    [Fact]
    public async Task Cancel_on_the_stream_ends_the_generation_with_reason_cancelled_and_keeps_its_text()
    {
        var model = DecoderFixtures.ExactModel(PlusOne with { ContextLength = 1_000_000 });
        var stream = await _engine.StartAsync(model, new GenerationRequest { Prompt = "a", MaxNewTokens = 900_000 });

        var first = await stream.Chunks.ReadAsync();
        stream.Cancel();
        var (rest, result) = await DecoderFixtures.DrainAsync(stream);

        Assert.Equal(FinishReason.Cancelled, result.FinishReason);
        Assert.Equal(result.OutputTokens, 1 + rest.Sum(c => c.TokenIds.Count));
        Assert.Equal(first.Text + string.Concat(rest.Select(c => c.Text)), result.Text);
        Assert.StartsWith("b", result.Text, StringComparison.Ordinal);
    }

    public void Dispose() => _engine.Dispose();
}
