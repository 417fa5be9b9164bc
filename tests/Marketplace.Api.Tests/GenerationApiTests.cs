using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Inference.Generation;
using Marketplace.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class GenerationApiTests(MarketplaceFactory factory, GenerationModelsFixture models) : IClassFixture<GenerationModelsFixture>
{
    private async Task<HttpClient> CustomerAsync(long? dailyGenerationTokens = null)
    {
        var (id, client) = await factory.MemberOfNewOrganizationAsync("Customer", "Member");
        await PartnerFlows.Ok(factory.Admin().PutAsJsonAsync($"/api/v1/admin/organizations/{id}/sandbox-quota",
            new { dailyTrials = 1000, dailyComputeSeconds = 10_000, trialsPerSecond = 1000, burst = 1000, dailyGenerationTokens = dailyGenerationTokens ?? 1_000_000 }));
        client.DefaultRequestHeaders.Add("X-Org", id);
        return client;
    }

    private async Task<JsonObject> UsageAsync(HttpClient client) =>
        (await factory.Admin().GetFromJsonAsync<JsonObject>($"/api/v1/organizations/{client.DefaultRequestHeaders.GetValues("X-Org").Single()}/sandbox-usage"))!;

    [Fact]
    public async Task A_generation_answers_json_with_the_exact_tokens_usage_timings_and_costs_per_million_tokens()
    {
        var writer = await models.WriterAsync(factory);
        var client = await CustomerAsync();

        using var response = await client.SendAsync(GenerationFlows.Generate(writer, new { prompt = "abc", maxNewTokens = 8, temperature = 0, seed = 7, stream = false }));

        var body = await response.ReadObjectAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("defghijk", body["text"]!.GetValue<string>());
        Assert.Equal([100, 101, 102, 103, 104, 105, 106, 107], body["tokens"]!.AsArray().Select(t => t!.GetValue<int>()));
        Assert.Equal("length", body["finishReason"]!.GetValue<string>());
        Assert.Equal((3, 8), (body["usage"]!["inputTokens"]!.GetValue<int>(), body["usage"]!["outputTokens"]!.GetValue<int>()));
        Assert.True(body["timeToFirstTokenMs"]!.GetValue<double>() > 0);
        Assert.True(body["tokensPerSecond"]!.GetValue<double>() > 0);
        Assert.Equal("cpu", body["device"]!.GetValue<string>());
        var costs = body["costEstimates"]!.AsArray();
        Assert.NotEmpty(costs);
        Assert.All(costs, c =>
        {
            Assert.StartsWith("lst_", c!["hardwareId"]!.GetValue<string>());
            Assert.True(c["costPer1MOutputTokensMinor"]!.GetValue<long>() >= 1);
            Assert.True(c["costPer1MInputTokensMinor"]!.GetValue<long>() >= 1);
            Assert.Equal("USD", c["currency"]!.GetValue<string>());
            Assert.Contains(c["basis"]!.GetValue<string>(), new[] { "Measured", "Estimated" });
        });
        var generation = Assert.Single((await UsageAsync(client))["events"]!.AsArray())!;
        Assert.Equal(("sandbox.generation", 3, 8), (generation["kind"]!.GetValue<string>(), generation["inputTokens"]!.GetValue<int>(), generation["outputTokens"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_streamed_generation_sends_its_tokens_as_events_before_the_done_event()
    {
        var writer = await models.WriterAsync(factory);
        var client = await CustomerAsync();

        using var response = await client.SendAsync(GenerationFlows.Generate(writer, new { prompt = "abc", maxNewTokens = 6, stream = true }), HttpCompletionOption.ResponseHeadersRead);
        var events = new List<(string Event, JsonObject Data)>();
        await foreach (var e in ServerSentEvents.ReadAsync(response))
        {
            events.Add(e);
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(GenerationFlows.IsEventStream(response));
        Assert.Equal([.. Enumerable.Repeat("token", events.Count - 1), "done"], events.Select(e => e.Event));
        Assert.True(events.Count >= 2);
        var tokens = events.SkipLast(1).ToList();
        Assert.Equal("defghi", string.Concat(tokens.Select(t => t.Data["text"]!.GetValue<string>())));
        Assert.Equal([100, 101, 102, 103, 104, 105], tokens.SelectMany(t => t.Data["ids"]!.AsArray().Select(i => i!.GetValue<int>())));
        var done = events[^1].Data;
        Assert.Equal("defghi", done["text"]!.GetValue<string>());
        Assert.Equal("length", done["finishReason"]!.GetValue<string>());
        Assert.Equal(6, done["usage"]!["outputTokens"]!.GetValue<int>());
        Assert.NotEmpty(done["costEstimates"]!.AsArray());
    }

    [Fact]
    public async Task A_stop_sequence_ends_the_generation_before_it_with_reason_stop()
    {
        var writer = await models.WriterAsync(factory);

        var body = await (await (await CustomerAsync()).SendAsync(GenerationFlows.Generate(writer, new { prompt = "abc", maxNewTokens = 20, stop = new[] { "gh" } }))).ReadObjectAsync();

        Assert.Equal("def", body["text"]!.GetValue<string>());
        Assert.Equal("stop", body["finishReason"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_prompt_longer_than_the_context_is_a_400_naming_prompt_and_meters_nothing()
    {
        var writer = await models.WriterAsync(factory);
        var client = await CustomerAsync();

        using var response = await client.SendAsync(GenerationFlows.Generate(writer, new { prompt = new string('a', GenerationFlows.Writer.ContextLength), stream = true }));

        await response.AssertInvalidFieldsAsync("prompt");
        Assert.Empty((await UsageAsync(client))["events"]!.AsArray());
    }

    [Theory]
    [InlineData("""{"prompt":"","maxNewTokens":8}""", "prompt")]
    [InlineData("""{"prompt":123}""", "prompt")]
    [InlineData("""{"maxNewTokens":8}""", "prompt")]
    [InlineData("""{"prompt":"abc","maxNewTokens":0}""", "maxNewTokens")]
    [InlineData("""{"prompt":"abc","maxNewTokens":1000000}""", "maxNewTokens")]
    [InlineData("""{"prompt":"abc","maxNewTokens":1.5}""", "maxNewTokens")]
    [InlineData("""{"prompt":"abc","temperature":-0.5}""", "temperature")]
    [InlineData("""{"prompt":"abc","topP":0}""", "topP")]
    [InlineData("""{"prompt":"abc","topK":-1}""", "topK")]
    [InlineData("""{"prompt":"abc","stop":["a","b","c","d","e"]}""", "stop")]
    [InlineData("""{"prompt":"abc","stop":[""]}""", "stop[0]")]
    [InlineData("""{"prompt":"abc","stream":"yes"}""", "stream")]
    public async Task A_bad_generation_request_is_a_400_naming_its_field_and_meters_nothing(string body, string field)
    {
        var writer = await models.WriterAsync(factory);
        var client = await CustomerAsync();

        using var response = await client.PostJsonTextAsync($"/api/v1/sandbox/models/{writer}/generations", body);

        await response.AssertInvalidFieldsAsync(field);
        Assert.Empty((await UsageAsync(client))["events"]!.AsArray());
    }

    [Fact]
    public async Task A_text_model_on_generations_and_a_generation_model_on_trials_are_400s_naming_the_right_endpoint()
    {
        var writer = await models.WriterAsync(factory);
        var client = await CustomerAsync();

        using var textModel = await client.SendAsync(GenerationFlows.Generate("lst_all-minilm-l6-v2", new { prompt = "hello" }));
        using var generationModel = await client.PostAsJsonAsync($"/api/v1/sandbox/models/{writer}/trials", new { texts = new[] { "hello" } });

        var text = await textModel.AssertProblemAsync(HttpStatusCode.BadRequest);
        var generation = await generationModel.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("/api/v1/sandbox/models/lst_all-minilm-l6-v2/trials", text["errors"]!["model"]![0]!.GetValue<string>());
        Assert.Contains($"/api/v1/sandbox/models/{writer}/generations", generation["errors"]!["model"]![0]!.GetValue<string>());
        Assert.Empty((await UsageAsync(client))["events"]!.AsArray());
    }

    [Fact]
    public async Task A_retried_generation_with_the_same_key_is_metered_once_even_when_requests_arrive_together()
    {
        var writer = await models.WriterAsync(factory);
        var client = await CustomerAsync();
        var body = new { prompt = "abc", maxNewTokens = 8, temperature = 0.8, stream = false };

        var together = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.SendAsync(GenerationFlows.Generate(writer, body, "same-generation"))));
        var retried = await (await client.SendAsync(GenerationFlows.Generate(writer, body, "same-generation"))).ReadObjectAsync();
        using var reused = await client.SendAsync(GenerationFlows.Generate(writer, new { prompt = "xyz" }, "same-generation"));

        Assert.All(together, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var answers = await Task.WhenAll(together.Select(r => r.ReadObjectAsync()));
        Assert.Single(answers.Select(a => a["generationId"]!.GetValue<string>()).Append(retried["generationId"]!.GetValue<string>()).Distinct());
        // Sampled without a seed, a keyed generation takes its seed from the key: the retry writes the same tokens.
        Assert.Single(answers.Select(a => a["tokens"]!.ToJsonString()).Append(retried["tokens"]!.ToJsonString()).Distinct());
        Assert.True(retried["replay"]!.GetValue<bool>());
        await reused.AssertInvalidFieldsAsync("Idempotency-Key");
        var usage = await UsageAsync(client);
        var metered = Assert.Single(usage["events"]!.AsArray())!;
        Assert.Equal((3, 8), (metered["inputTokens"]!.GetValue<int>(), metered["outputTokens"]!.GetValue<int>()));
        Assert.Equal(1, usage["quota"]!["usage"]!["trials"]!.GetValue<int>());
        Assert.Equal(11, usage["quota"]!["usage"]!["generationTokens"]!.GetValue<long>());
    }

    [Fact]
    public async Task The_daily_generation_tokens_end_in_a_429_naming_them()
    {
        var writer = await models.WriterAsync(factory);
        var client = await CustomerAsync(dailyGenerationTokens: 20);
        var body = new { prompt = "abc", maxNewTokens = 8 };

        using var first = await client.SendAsync(GenerationFlows.Generate(writer, body));
        using var second = await client.SendAsync(GenerationFlows.Generate(writer, body));
        using var third = await client.SendAsync(GenerationFlows.Generate(writer, body));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        var problem = await third.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("The daily limit of 20 generation tokens is reached; it resets at 00:00 UTC.", problem["detail"]!.GetValue<string>());
        Assert.True(third.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(22, (await UsageAsync(client))["quota"]!["usage"]!["generationTokens"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_client_that_disconnects_mid_stream_cancels_its_generation_frees_its_slot_and_is_metered_for_what_it_got()
    {
        var slow = await models.SlowAsync(factory);
        var client = await CustomerAsync();
        const int asked = 2000;

        var response = await client.SendAsync(GenerationFlows.Generate(slow, new { prompt = "a", maxNewTokens = asked, stream = true }), HttpCompletionOption.ResponseHeadersRead);
        Assert.True(GenerationFlows.IsEventStream(response), $"{(int)response.StatusCode} {response.Content.Headers.ContentType}");
        await using (var events = ServerSentEvents.ReadAsync(response).GetAsyncEnumerator())
        {
            Assert.True(await events.MoveNextAsync());
            Assert.Equal("token", events.Current.Event);
        }
        response.Dispose();

        var engine = factory.Services.GetRequiredService<GenerationEngine>();
        var file = (await factory.Admin().GetFromJsonAsync<JsonObject>($"/api/v1/listings/{slow}"))!["current"]!["artifact"]!["sha256"]!.GetValue<string>();
        var metered = await EventuallyAsync(async () => (await UsageAsync(client))["events"]!.AsArray(),
            e => e.Count == 1 && e[0]!["outputTokens"]!.GetValue<int>() < asked);
        var usage = await UsageAsync(client);
        Assert.InRange(metered[0]!["outputTokens"]!.GetValue<int>(), 1, asked - 1);
        Assert.Equal(0, usage["quota"]!["usage"]!["reservedGenerationTokens"]!.GetValue<long>());
        var scheduler = Assert.Single(engine.Status, s => s.ModelSha256 == file);
        Assert.Equal((0, 0), (scheduler.Active, scheduler.Waiting));
    }

    [Fact]
    public async Task A_generation_listing_is_submitted_only_with_a_decoder_file_and_a_tokenizer_its_logits_cover()
    {
        var (partner, owner) = await factory.MemberOfNewOrganizationAsync("Partner", "Owner");
        await PartnerFlows.OnboardAndVerifyAsync(factory, partner, owner);
        var listing = await GenerationFlows.CreateAsync(owner, partner);
        var url = $"/api/v1/listings/{listing}";
        async Task<IEnumerable<string>> RefusedAsync() =>
            (await (await owner.PostAsync($"{url}/submit", null)).AssertProblemAsync(HttpStatusCode.Conflict))["details"]!.AsArray().Select(d => d!.GetValue<string>());
        static MultipartFormDataContent SentencePiece() =>
            new() { { new ByteArrayContent(Marketplace.Inference.Tests.Generation.SentencePieceModels.HelloWorld()), "tokenizer.model", "spm.bin" } };

        var noFile = await RefusedAsync();
        using var tokenizerFirst = await owner.PutAsync($"{url}/tokenizer", GenerationFlows.ByteTokenizer());
        await PartnerFlows.Ok(owner.PutAsync($"{url}/artifact", SandboxApiTests.Octets(Marketplace.Inference.Tests.TestModels.Linear())));
        var notADecoder = await RefusedAsync();
        await PartnerFlows.Ok(owner.PutAsync($"{url}/artifact", SandboxApiTests.Octets(Marketplace.Inference.Onnx.Decoders.ExactDecoderBuilder.Build(GenerationFlows.Writer))));
        var noTokenizer = await RefusedAsync();
        using var onlyVocabulary = await owner.PutAsync($"{url}/tokenizer", new MultipartFormDataContent { { new StringContent("{}"), "file", "vocab.json" } });
        using var notJson = await owner.PutAsync($"{url}/tokenizer", new MultipartFormDataContent { { new StringContent("[1,2]"), "file", "vocab.json" }, { new StringContent(""), "file", "merges.txt" } });
        using var tooManyIds = await owner.PutAsync($"{url}/tokenizer", SentencePiece());
        using var notMultipart = await owner.PutAsync($"{url}/tokenizer", SandboxApiTests.Octets([1, 2, 3]));
        var bytes = await (await owner.PutAsync($"{url}/tokenizer", GenerationFlows.ByteTokenizerByPartName())).ReadObjectAsync();
        await PartnerFlows.Ok(owner.PutAsync($"{url}/artifact", SandboxApiTests.Octets(Marketplace.Inference.Onnx.Decoders.ExactDecoderBuilder.Build(GenerationFlows.Writer with { Vocabulary = 512 }))));
        var sentencePiece = await (await owner.PutAsync($"{url}/tokenizer", SentencePiece())).ReadObjectAsync();
        using var submitted = await owner.PostAsync($"{url}/submit", null);

        Assert.Contains(noFile, d => d.StartsWith("artifact: Text-generation models need their ONNX decoder file", StringComparison.Ordinal));
        Assert.Equal("listing.no_artifact", (await tokenizerFirst.AssertProblemAsync(HttpStatusCode.Conflict))["code"]!.GetValue<string>());
        Assert.Contains(notADecoder, d => d.StartsWith("artifact: The ONNX file is not a decoder with a KV cache", StringComparison.Ordinal));
        Assert.Contains(noTokenizer, d => d.StartsWith("tokenizer: Text-generation models need their tokenizer", StringComparison.Ordinal));
        await onlyVocabulary.AssertInvalidFieldsAsync("files");
        await notJson.AssertInvalidFieldsAsync("vocab.json");
        var refused = await tooManyIds.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("The tokenizer knows 272 ids but the model's logits cover 256.", refused["errors"]!["tokenizer.model"]![0]!.GetValue<string>());
        await notMultipart.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(("byte-level-bpe", 256), (bytes["current"]!["artifact"]!["tokenizer"]!["kind"]!.GetValue<string>(), bytes["current"]!["artifact"]!["tokenizer"]!["vocabularySize"]!.GetValue<int>()));
        var spm = sentencePiece["current"]!["artifact"]!;
        Assert.Equal(("sentencepiece", 272, 2), (spm["tokenizer"]!["kind"]!.GetValue<string>(), spm["tokenizer"]!["vocabularySize"]!.GetValue<int>(), spm["tokenizer"]!["endOfSequenceId"]!.GetValue<int>()));
        Assert.Equal(512, spm["decoder"]!["vocabularySize"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
    }

    [Fact]
    public async Task Only_a_generation_models_owner_uploads_its_tokenizer_and_other_models_take_none()
    {
        var writer = await models.WriterAsync(factory);
        var (_, stranger) = await factory.MemberOfNewOrganizationAsync("Partner", "Owner");
        var (textPartner, textOwner) = await factory.MemberOfNewOrganizationAsync("Partner", "Owner");
        var textModel = await SandboxApiTests.CreateTensorModelAsync(textOwner, textPartner);

        await (await textOwner.PutAsync($"/api/v1/listings/{textModel}/tokenizer", GenerationFlows.ByteTokenizer())).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await stranger.PutAsync($"/api/v1/listings/{writer}/tokenizer", GenerationFlows.ByteTokenizer())).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await factory.Admin().PutAsync($"/api/v1/listings/{writer}/tokenizer", GenerationFlows.ByteTokenizer())).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_catalog_generation_model_without_a_file_shows_roofline_costs_per_million_tokens()
    {
        var performance = (await factory.CreateClient().GetFromJsonAsync<JsonObject>("/api/v1/catalog/items/lst_llama-3-1-8b-instruct/performance"))!;

        Assert.Empty(performance["benchmarks"]!.AsArray());
        Assert.Empty(performance["costEstimates"]!.AsArray());
        var tokens = performance["tokenCostEstimates"]!.AsArray();
        Assert.NotEmpty(tokens);
        Assert.All(tokens, t =>
        {
            Assert.Equal("Estimated", t!["basis"]!.GetValue<string>());
            // An 8B model in bf16 reads 16 GB a token: no offering decodes it for less than a cent per million tokens.
            Assert.True(t["costPer1MOutputTokensMinor"]!.GetValue<long>() > t["costPer1MInputTokensMinor"]!.GetValue<long>());
            Assert.StartsWith("roofline estimate at batch 1", t["note"]!.GetValue<string>(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_published_generation_model_is_measured_in_tokens_per_second_on_the_sandbox()
    {
        var writer = await models.WriterAsync(factory);

        var performance = await EventuallyAsync(
            async () => (await factory.CreateClient().GetFromJsonAsync<JsonObject>($"/api/v1/catalog/items/{writer}/performance"))!,
            p => p["benchmarks"]!.AsArray().Count > 0);

        var measured = performance["benchmarks"]![0]!;
        Assert.True(measured["generation"]!["decodeTokensPerSecond"]!.GetValue<double>() > 0);
        Assert.True(measured["generation"]!["aggregateTokensPerSecond"]!.GetValue<double>() > 0);
        Assert.Equal(8, measured["generation"]!["streams"]!.GetValue<int>());
        Assert.NotEmpty(performance["tokenCostEstimates"]!.AsArray());
        Assert.Empty(performance["costEstimates"]!.AsArray());
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> probe, Func<T, bool> done)
    {
        for (var i = 0; i < 200; i++)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }
            await Task.Delay(100);
        }
        return await probe();
    }
}

/// <summary>The generation models the tests try, published once per test class on the shared host.</summary>
public sealed class GenerationModelsFixture
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, string> _published = [];

    public Task<string> WriterAsync(MarketplaceFactory factory) => PublishedAsync(factory, "writer", GenerationFlows.Writer);

    public Task<string> SlowAsync(MarketplaceFactory factory) => PublishedAsync(factory, "slow", GenerationFlows.Slow);

    private async Task<string> PublishedAsync(MarketplaceFactory factory, string name, Marketplace.Inference.Onnx.Decoders.ExactDecoderSettings settings)
    {
        await _gate.WaitAsync();
        try
        {
            if (!_published.TryGetValue(name, out var listing))
            {
                listing = await GenerationFlows.PublishAsync(factory, settings, "Exact " + name);
                await UploadBenchmarkDoneAsync(factory, listing);
                _published[name] = listing;
            }
            return listing;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// A published decoder is benchmarked in the background (8 streams at once); tests that count a
    /// model's active and waiting generations get it once that is over, so they count only their own.
    /// </summary>
    private static async Task UploadBenchmarkDoneAsync(MarketplaceFactory factory, string listing)
    {
        var client = factory.CreateClient();
        for (var deadline = DateTime.UtcNow.AddMinutes(2); DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            var performance = (await client.GetFromJsonAsync<JsonObject>($"/api/v1/catalog/items/{listing}/performance"))!;
            if (performance["benchmarks"]!.AsArray().Count > 0)
            {
                return;
            }
        }
        Assert.Fail($"The upload benchmark of {listing} did not finish within 2 minutes.");
    }
}
