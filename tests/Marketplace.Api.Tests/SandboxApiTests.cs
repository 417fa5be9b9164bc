using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Inference.Tests;

namespace Marketplace.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class SandboxApiTests(MarketplaceFactory factory)
{
    private const string MiniLm = "/api/v1/sandbox/models/lst_all-minilm-l6-v2/trials";

    private async Task<HttpClient> CustomerAsync(int? dailyTrials = null, double ratePerSecond = 1000, int burst = 1000)
    {
        var (id, client) = await factory.MemberOfNewOrganizationAsync("Customer", "Member");
        if (dailyTrials is { } daily)
        {
            await PartnerFlows.Ok(factory.Admin().PutAsJsonAsync($"/api/v1/admin/organizations/{id}/sandbox-quota",
                new { dailyTrials = daily, dailyComputeSeconds = 1000, trialsPerSecond = ratePerSecond, burst }));
        }
        client.DefaultRequestHeaders.Add("X-Org", id);
        return client;
    }

    [Fact]
    public async Task A_text_trial_answers_unit_length_embeddings_where_it_ran_and_what_it_costs()
    {
        var client = await CustomerAsync();

        using var response = await client.PostAsJsonAsync(MiniLm, new { texts = new[] { "The invoice was paid yesterday.", "Payment for the bill arrived." } });

        var body = await response.ReadObjectAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var embeddings = body["outputs"]!["embeddings"]!.AsArray();
        Assert.Equal(2, embeddings.Count);
        Assert.All(embeddings, e =>
        {
            var v = e!.AsArray().Select(x => x!.GetValue<double>()).ToArray();
            Assert.Equal(384, v.Length);
            Assert.Equal(1.0, Math.Sqrt(v.Sum(x => x * x)), 3);
        });
        Assert.True(body["latencyMs"]!.GetValue<double>() > 0);
        Assert.True(body["queueMs"]!.GetValue<double>() >= 0);
        Assert.True(body["batchSize"]!.GetValue<int>() >= 1);
        await DeviceExpectations.AssertRanOnAdvertisedDeviceAsync(factory.Admin(), body);
        var costs = body["costEstimates"]!.AsArray();
        Assert.NotEmpty(costs);
        Assert.All(costs, c =>
        {
            Assert.StartsWith("lst_", c!["hardwareId"]!.GetValue<string>());
            Assert.True(c["costPer1kMinor"]!.GetValue<long>() >= 1);
            Assert.Equal("USD", c["currency"]!.GetValue<string>());
            Assert.Contains(c["basis"]!.GetValue<string>(), new[] { "Measured", "Estimated" });
        });
    }

    [Fact]
    public async Task An_image_trial_answers_512_features()
    {
        var client = await CustomerAsync();

        using var response = await client.PostAsJsonAsync("/api/v1/sandbox/models/lst_resnet-18-featurizer/trials", new { imageBase64 = Convert.ToBase64String(Images.Png(96, 64)) });

        var body = await response.ReadObjectAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(512, body["outputs"]!["embeddings"]![0]!.AsArray().Count);
    }

    [Theory]
    [InlineData("lst_all-minilm-l6-v2", """{"imageBase64":"AAAA"}""", HttpStatusCode.BadRequest, "texts")]
    [InlineData("lst_all-minilm-l6-v2", """{"texts":[]}""", HttpStatusCode.BadRequest, "texts")]
    [InlineData("lst_all-minilm-l6-v2", """{"texts":["a"],"imageBase64":"AAAA"}""", HttpStatusCode.BadRequest, "body")]
    [InlineData("lst_resnet-18-featurizer", """{"imageBase64":"not base64!"}""", HttpStatusCode.BadRequest, "imageBase64")]
    [InlineData("lst_resnet-18-featurizer", """{"imageBase64":"aGVsbG8gd29ybGQ="}""", HttpStatusCode.BadRequest, "imageBase64")]
    [InlineData("lst_nope", """{"texts":["a"]}""", HttpStatusCode.NotFound, null)]
    [InlineData("lst_llama-3-1-8b-instruct", """{"texts":["a"]}""", HttpStatusCode.Conflict, null)]
    public async Task Trials_refuse_input_the_model_cannot_take(string model, string json, HttpStatusCode status, string? field)
    {
        var client = await CustomerAsync();

        using var response = await client.PostJsonTextAsync($"/api/v1/sandbox/models/{model}/trials", json);

        if (field is null)
        {
            await response.AssertProblemAsync(status);
        }
        else
        {
            await response.AssertInvalidFieldsAsync(field);
        }
    }

    [Fact]
    public async Task Anonymous_trials_are_401()
    {
        await (await factory.CreateClient().PostAsJsonAsync(MiniLm, new { texts = new[] { "hi" } })).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_daily_quota_holds_exactly_under_64_concurrent_requests()
    {
        var client = await CustomerAsync(dailyTrials: 10);
        var organization = client.DefaultRequestHeaders.GetValues("X-Org").Single();

        var responses = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => client.PostAsJsonAsync(MiniLm, new { texts = new[] { $"sentence number {i}" } })));

        Assert.Equal(10, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(54, refused.Count);
        Assert.All(refused, r => Assert.True(r.Headers.RetryAfter?.Delta > TimeSpan.Zero));
        var usage = (await factory.Admin().GetFromJsonAsync<JsonObject>($"/api/v1/organizations/{organization}/sandbox-usage"))!;
        Assert.Equal(10, usage["quota"]!["usage"]!["trials"]!.GetValue<int>());
        Assert.Equal(10, usage["events"]!.AsArray().Count);
    }

    [Fact]
    public async Task The_rate_limit_answers_429_with_retry_after_once_the_burst_is_spent()
    {
        var client = await CustomerAsync(dailyTrials: 1000, ratePerSecond: 0.01, burst: 3);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync(MiniLm, new { texts = new[] { "ok" } })).StatusCode);
        }
        using var limited = await client.PostAsJsonAsync(MiniLm, new { texts = new[] { "too fast" } });

        var problem = await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(limited.Headers.RetryAfter!.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal("rate_limited", problem["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_retried_trial_with_the_same_idempotency_key_is_metered_once()
    {
        var client = await CustomerAsync();
        var organization = client.DefaultRequestHeaders.GetValues("X-Org").Single();

        for (var i = 0; i < 2; i++)
        {
            using var request = Keyed("retry-me-1");
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
        }

        var usage = (await factory.Admin().GetFromJsonAsync<JsonObject>($"/api/v1/organizations/{organization}/sandbox-usage"))!;
        Assert.Single(usage["events"]!.AsArray());
        Assert.Equal(1, usage["quota"]!["usage"]!["trials"]!.GetValue<int>());
    }

    private static HttpRequestMessage Keyed(string key, string text = "same")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, MiniLm) { Content = JsonContent.Create(new { texts = new[] { text } }) };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private async Task<JsonObject> UsageAsync(HttpClient client) =>
        (await factory.Admin().GetFromJsonAsync<JsonObject>($"/api/v1/organizations/{client.DefaultRequestHeaders.GetValues("X-Org").Single()}/sandbox-usage"))!;

    [Fact]
    public async Task Sixty_four_concurrent_requests_with_one_key_are_one_admission_one_ledger_row_and_one_quota_count()
    {
        var client = await CustomerAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => client.SendAsync(Keyed("burst-of-64"))));

        // One host: every request shares the one execution and gets its answer.
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var trialIds = await Task.WhenAll(responses.Select(async r => (await r.ReadObjectAsync())["trialId"]!.GetValue<string>()));
        Assert.Single(trialIds.Distinct());
        var usage = await UsageAsync(client);
        Assert.Single(usage["events"]!.AsArray());
        Assert.Equal(trialIds[0], usage["events"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(1, usage["quota"]!["usage"]!["trials"]!.GetValue<int>());
    }

    [Fact]
    public async Task Sixty_four_concurrent_requests_over_eight_keys_are_eight_trials()
    {
        var client = await CustomerAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => client.SendAsync(Keyed($"mixed-{i % 8}", $"sentence {i % 8}"))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var trialIds = await Task.WhenAll(responses.Select(async r => (await r.ReadObjectAsync())["trialId"]!.GetValue<string>()));
        Assert.Equal(8, trialIds.Distinct().Count());
        var usage = await UsageAsync(client);
        Assert.Equal(8, usage["events"]!.AsArray().Count);
        Assert.Equal(8, usage["quota"]!["usage"]!["trials"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_key_reused_for_another_input_is_a_400_naming_the_header_and_meters_nothing()
    {
        var client = await CustomerAsync();

        using var first = await client.SendAsync(Keyed("reused-key", "first text"));
        using var reused = await client.SendAsync(Keyed("reused-key", "another text"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await reused.AssertInvalidFieldsAsync("Idempotency-Key");
        Assert.Single((await UsageAsync(client))["events"]!.AsArray());
    }

    [Fact]
    public async Task Sixty_four_concurrent_trials_settle_within_one_reservation_of_the_compute_cap()
    {
        const double cap = 0.05;
        var (id, client) = await factory.MemberOfNewOrganizationAsync("Customer", "Member");
        await PartnerFlows.Ok(factory.Admin().PutAsJsonAsync($"/api/v1/admin/organizations/{id}/sandbox-quota",
            new { dailyTrials = 10_000, dailyComputeSeconds = cap, trialsPerSecond = 10_000, burst = 10_000 }));
        client.DefaultRequestHeaders.Add("X-Org", id);
        var performance = await EventuallyAsync(
            async () => (await factory.CreateClient().GetFromJsonAsync<JsonObject>("/api/v1/catalog/items/lst_all-minilm-l6-v2/performance"))!,
            p => p["benchmarks"]!.AsArray().Count > 0);
        // What a one-text trial reserves (TrialReservations): the slowest measured p99 with its headroom.
        var reservation = performance["benchmarks"]!.AsArray().Max(b => b!["p99Ms"]!.GetValue<double>()) * 4 / 1000;

        var responses = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => client.PostAsJsonAsync(MiniLm, new { texts = new[] { $"sentence {i}" } })));

        var ok = responses.Count(r => r.StatusCode == HttpStatusCode.OK);
        Assert.InRange(ok, 1, 63);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.TooManyRequests, r.StatusCode));
        var usage = await UsageAsync(client);
        Assert.Equal(ok, usage["events"]!.AsArray().Count);
        Assert.Equal(ok, usage["quota"]!["usage"]!["trials"]!.GetValue<int>());
        Assert.True(usage["quota"]!["usage"]!["computeSeconds"]!.GetValue<double>() <= cap + reservation,
            $"settled {usage["quota"]!["usage"]!["computeSeconds"]} s against a cap of {cap} s and a reservation of {reservation} s");
        Assert.Equal(0, usage["quota"]!["usage"]!["reservedComputeSeconds"]!.GetValue<double>(), precision: 9);
    }

    [Fact]
    public async Task A_retry_of_a_metered_trial_is_answered_even_when_the_day_is_spent()
    {
        var client = await CustomerAsync(dailyTrials: 1);

        using var first = await client.SendAsync(Keyed("only-one"));
        using var retry = await client.SendAsync(Keyed("only-one"));
        using var another = await client.SendAsync(Keyed("another"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal((await first.ReadObjectAsync())["trialId"]!.GetValue<string>(), (await retry.ReadObjectAsync())["trialId"]!.GetValue<string>());
        await another.AssertProblemAsync(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task A_partner_uploads_a_tensor_model_that_is_validated_published_and_tried_with_exact_outputs()
    {
        var (partner, owner) = await factory.MemberOfNewOrganizationAsync("Partner", "Owner");
        await PartnerFlows.OnboardAndVerifyAsync(factory, partner, owner);
        var listing = await CreateTensorModelAsync(owner, partner);

        using var upload = await owner.PutAsync($"/api/v1/listings/{listing}/artifact", Octets(TestModels.Linear()));
        var report = await upload.ReadObjectAsync();

        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        Assert.Equal("Valid", report["status"]!.GetValue<string>());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(TestModels.Linear())), report["sha256"]!.GetValue<string>());
        Assert.Equal("x", report["inputs"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("y", report["outputs"]![0]!["name"]!.GetValue<string>());
        await PartnerFlows.Ok(owner.PostAsync($"/api/v1/listings/{listing}/submit", null));
        await PartnerFlows.Ok(factory.Admin().PostAsJsonAsync($"/api/v1/admin/listings/{listing}/approve", new { note = "ok" }));

        var trial = await (await (await CustomerAsync()).PostAsJsonAsync($"/api/v1/sandbox/models/{listing}/trials",
            new { inputs = new { x = new { shape = new[] { 2, 3 }, data = new[] { 1.0, 1, 1, 0, 0, 0 } } } })).ReadObjectAsync();

        var y = trial["outputs"]!["tensors"]![0]!;
        Assert.Equal([2L, 2], y["shape"]!.AsArray().Select(d => d!.GetValue<long>()));
        Assert.Equal([19.0, 32, 10, 20], y["data"]!.AsArray().Select(d => d!.GetValue<double>()));
    }

    [Fact]
    public async Task The_owning_partner_tries_its_draft_before_buyers_can()
    {
        var (partner, owner) = await factory.MemberOfNewOrganizationAsync("Partner", "Owner");
        await PartnerFlows.OnboardAndVerifyAsync(factory, partner, owner);
        var listing = await CreateTensorModelAsync(owner, partner);
        await PartnerFlows.Ok(owner.PutAsync($"/api/v1/listings/{listing}/artifact", Octets(TestModels.Linear())));
        var body = new { inputs = new { x = new { shape = new[] { 1, 3 }, data = new[] { 1.0, 0, 0 } } } };
        var working = $"/api/v1/sandbox/models/{listing}/trials?version=working";

        using var own = await owner.PostAsJsonAsync(working, body);
        using var stranger = await (await CustomerAsync()).PostAsJsonAsync(working, body);
        using var published = await (await CustomerAsync()).PostAsJsonAsync($"/api/v1/sandbox/models/{listing}/trials", body);
        using var reviewer = await factory.Admin().PostAsJsonAsync(working, body);
        using var unknownVersion = await owner.PostAsJsonAsync($"/api/v1/sandbox/models/{listing}/trials?version=2.0.0", body);

        var trial = await own.ReadObjectAsync();
        Assert.Equal([11.0, 22], trial["outputs"]!["tensors"]![0]!["data"]!.AsArray().Select(d => d!.GetValue<double>()));
        Assert.Equal("1.0.0", trial["version"]!.GetValue<string>());
        await stranger.AssertProblemAsync(HttpStatusCode.Forbidden);
        await published.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, reviewer.StatusCode);
        await unknownVersion.AssertInvalidFieldsAsync("version");
    }

    [Fact]
    public async Task The_contract_model_body_takes_texts_once_its_file_and_vocabulary_are_uploaded()
    {
        var (partner, owner) = await factory.MemberOfNewOrganizationAsync("Partner", "Owner");
        await PartnerFlows.OnboardAndVerifyAsync(factory, partner, owner);
        using var created = await owner.PostJsonTextAsync("/api/v1/listings", $$$"""
            {"partnerId":"{{{partner}}}","kind":"Model","name":"Example Embedder","summary":"Sentence embeddings","task":"text-embedding","modality":"text","license":"apache-2.0","industries":["finance"],"deployment":["Cloud","Private"],"pricing":{"currency":"USD","per1kInferencesMinor":50}}
            """);
        var listing = (await created.ReadObjectAsync())["id"]!.GetValue<string>();
        var (modelPath, vocabPath) = Marketplace.Inference.Models.RealModels.MiniLmFiles(Marketplace.Inference.Models.RealModels.DefaultDirectory);
        var trial = $"/api/v1/sandbox/models/{listing}/trials?version=working";
        var texts = new { texts = new[] { "The invoice was paid late.", "Payment for the bill arrived after the due date." } };

        var report = await (await owner.PutAsync($"/api/v1/listings/{listing}/artifact", Octets(await File.ReadAllBytesAsync(modelPath)))).ReadObjectAsync();
        using var withoutVocabulary = await owner.PostAsJsonAsync(trial, texts);
        await PartnerFlows.Ok(owner.PutAsync($"/api/v1/listings/{listing}/vocabulary", Octets(await File.ReadAllBytesAsync(vocabPath))));
        var answer = await (await owner.PostAsJsonAsync(trial, texts)).ReadObjectAsync();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("Valid", report["status"]!.GetValue<string>());
        Assert.Equal("sandbox.no_vocabulary", (await withoutVocabulary.AssertProblemAsync(HttpStatusCode.Conflict))["code"]!.GetValue<string>());
        var embeddings = answer["outputs"]!["embeddings"]!.AsArray();
        Assert.Equal(2, embeddings.Count);
        Assert.All(embeddings, e =>
        {
            var values = e!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
            Assert.Equal(384, values.Length);
            Assert.Equal(1.0, Math.Sqrt(values.Sum(v => v * v)), 3);
        });
    }

    public static TheoryData<string> HostileFiles => ["truncated", "random-bytes", "huge-dimension", "external-data", "nested-if", "custom-operator", "empty-text"];

    [Theory]
    [MemberData(nameof(HostileFiles))]
    public async Task Hostile_files_are_rejected_with_reasons_and_the_host_keeps_serving(string kind)
    {
        var (partner, owner) = await factory.MemberOfNewOrganizationAsync("Partner", "Owner");
        await PartnerFlows.OnboardAndVerifyAsync(factory, partner, owner);
        var listing = await CreateTensorModelAsync(owner, partner);
        var bytes = kind switch
        {
            "truncated" => HostileModels.Truncated(),
            "random-bytes" => HostileModels.RandomBytes(),
            "huge-dimension" => HostileModels.HugeDimension(),
            "external-data" => HostileModels.ExternalData(),
            "nested-if" => HostileModels.NestedIf(40),
            "custom-operator" => HostileModels.CustomOperator(),
            _ => "this is not a model"u8.ToArray(),
        };

        var report = await (await owner.PutAsync($"/api/v1/listings/{listing}/artifact", Octets(bytes))).ReadObjectAsync();
        var submit = await (await owner.PostAsync($"/api/v1/listings/{listing}/submit", null)).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("Invalid", report["status"]!.GetValue<string>());
        Assert.NotEmpty(report["reasons"]!.AsArray());
        Assert.Equal("listing.checks_failed", submit["code"]!.GetValue<string>());
        Assert.Equal("Healthy", await factory.CreateClient().GetStringAsync("/health/ready"));
        Assert.Equal(HttpStatusCode.OK, (await (await CustomerAsync()).PostAsJsonAsync(MiniLm, new { texts = new[] { "still serving" } })).StatusCode);
    }

    [Fact]
    public async Task Only_the_owning_partner_uploads_and_only_as_octet_stream()
    {
        var (partner, owner) = await factory.MemberOfNewOrganizationAsync("Partner", "Owner");
        var listing = await CreateTensorModelAsync(owner, partner);
        var (_, stranger) = await factory.MemberOfNewOrganizationAsync("Partner", "Owner");

        await (await stranger.PutAsync($"/api/v1/listings/{listing}/artifact", Octets(TestModels.Linear()))).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await owner.PutAsync($"/api/v1/listings/{listing}/artifact", new StringContent("x"))).AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task A_published_model_shows_measured_benchmarks_and_cost_estimates()
    {
        var performance = await EventuallyAsync(async () =>
            (await factory.CreateClient().GetFromJsonAsync<JsonObject>("/api/v1/catalog/items/lst_all-minilm-l6-v2/performance"))!,
            p => p["benchmarks"]!.AsArray().Count > 0);

        // One result per device this host has, whichever they are.
        var advertised = (await DeviceExpectations.AdvertisedAsync(factory.Admin())).Select(d => d!["kind"]!.GetValue<string>()).ToHashSet();
        Assert.All(performance["benchmarks"]!.AsArray(), measured =>
        {
            Assert.Contains(measured!["deviceKind"]!.GetValue<string>(), advertised);
            Assert.True(measured["p50Ms"]!.GetValue<double>() <= measured["p99Ms"]!.GetValue<double>());
            Assert.True(measured["batch1PerSecond"]!.GetValue<double>() > 0);
        });
        Assert.NotEmpty(performance["costEstimates"]!.AsArray());
    }

    internal static async Task<string> CreateTensorModelAsync(HttpClient owner, string partner)
    {
        using var created = await owner.PostAsJsonAsync("/api/v1/listings", new
        {
            partnerId = partner,
            kind = "Model",
            name = "Tiny linear scorer",
            summary = "A linear layer that scores three features into two outputs",
            task = "tabular-regression",
            modality = "tensor",
            license = "mit",
            adapter = "tensor",
            industries = new[] { "finance" },
            regions = new[] { "GLOBAL" },
            deployment = new[] { "Cloud" },
            inputs = new[] { new { name = "x", elementType = "float32", shape = new[] { -1, 3 } } },
            outputs = new[] { new { name = "y", elementType = "float32", shape = new[] { -1, 2 } } },
            pricing = new { currency = "USD", per1kInferencesMinor = 5 },
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.ReadObjectAsync())["id"]!.GetValue<string>();
    }

    internal static ByteArrayContent Octets(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return content;
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> probe, Func<T, bool> done)
    {
        for (var i = 0; i < 240; i++)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }
            await Task.Delay(250);
        }
        return await probe();
    }
}

/// <summary>Small PNG images made in code, so no test depends on a file.</summary>
internal static class Images
{
    public static byte[] Png(int width, int height)
    {
        using var bitmap = new SkiaSharp.SKBitmap(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                bitmap.SetPixel(x, y, new SkiaSharp.SKColor((byte)(x * 3), (byte)(y * 4), 90));
            }
        }
        using var image = SkiaSharp.SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
