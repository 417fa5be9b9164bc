using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.Inference.Onnx.Decoders;
using Microsoft.Playwright;

namespace Marketplace.EndToEnd.Tests;

/// <summary>
/// A vendor lists a text-generation model through the API (the exact decoder, made here, with the
/// 256 byte tokens as its tokenizer); a buyer streams a generation in the portal and sees its text
/// arrive before it ends, stops a second one midway, and finds both in the usage page with their
/// tokens in and out.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class GenerationTrialJourney(BrowserFixture fixture)
{
    /// <summary>Next token = previous + 1, with a cache wide enough that each token takes a few milliseconds.</summary>
    private static readonly ExactDecoderSettings Writer = new() { ChecksCache = false, ContextLength = 4096, Layers = 4, KvHeads = 8, HeadSize = 64 };

    [Fact]
    public async Task A_buyer_streams_a_generation_stops_another_and_finds_both_in_usage_with_token_counts()
    {
        var listing = await PublishWriterAsync();
        var buyer = await fixture.NewPageAsync();
        await Portal.SignInAsync(buyer, "buyer@acme-manufacturing.example", "Demo-password-2026");
        await Portal.GoAsync(buyer, $"/catalog/{listing}");

        await buyer.GetByTestId("generate-prompt").FillAsync("abc");
        await buyer.GetByTestId("generate-max-tokens").FillAsync("1500");
        await buyer.GetByTestId("generate-run").ClickAsync();
        // Text on the page while the generation still runs: it streams.
        await Assertions.Expect(buyer.GetByTestId("generate-output")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^defgh"), new() { Timeout = 60_000 });
        await Assertions.Expect(buyer.GetByTestId("generate-stop")).ToBeVisibleAsync();
        Assert.Equal(0, await buyer.GetByTestId("generate-result").CountAsync());
        await BrowserFixture.ScreenshotAsync(buyer, "50-buyer-streams-a-generation");
        await Assertions.Expect(buyer.Locator("[data-testid=generate-result][data-finish=length]")).ToBeVisibleAsync(new() { Timeout = 120_000 });
        await Assertions.Expect(buyer.GetByTestId("generate-tokens")).ToHaveTextAsync("3 / 1500");
        await Assertions.Expect(buyer.GetByTestId("generate-cost")).ToContainTextAsync("This run would cost");
        await BrowserFixture.ScreenshotAsync(buyer, "51-generation-with-speed-and-cost");
        await Accessibility.AssertNoSeriousViolationsAsync(buyer, "a generation model's page with a finished generation");

        await buyer.GetByTestId("generate-max-tokens").FillAsync("2000");
        await buyer.GetByTestId("generate-run").ClickAsync();
        await Assertions.Expect(buyer.GetByTestId("generate-output")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^defgh"), new() { Timeout = 60_000 });
        await buyer.GetByTestId("generate-stop").ClickAsync();
        await Assertions.Expect(buyer.Locator("[data-testid=generate-result][data-finish=cancelled]")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        var stoppedAt = int.Parse((await buyer.GetByTestId("generate-tokens").InnerTextAsync()).Split('/')[1].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(stoppedAt, 1, 1999);

        await Portal.GoAsync(buyer, "/account/usage");
        var generations = buyer.Locator("[data-testid=usage-event-tokens][data-kind='sandbox.generation']");
        await Assertions.Expect(generations).ToHaveCountAsync(2);
        // Newest first: the stopped one is metered for what it generated, the other for all of it.
        await Assertions.Expect(generations.Nth(0)).ToHaveAttributeAsync("data-output", stoppedAt.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(generations.Nth(1)).ToHaveTextAsync("3 / 1,500");
        await Assertions.Expect(buyer.GetByTestId("quota-tokens")).ToContainTextAsync((3 + 1500 + 3 + stoppedAt).ToString("#,##0", System.Globalization.CultureInfo.InvariantCulture));
        await BrowserFixture.ScreenshotAsync(buyer, "52-usage-with-generation-tokens");
    }

    /// <summary>A verified model vendor lists the decoder with its tokenizer; an operator approves it.</summary>
    private async Task<string> PublishWriterAsync()
    {
        using var admin = Client(BrowserFixture.AdminKey);
        var partner = (await OkAsync(admin.PostAsJsonAsync("/api/v1/admin/organizations", new { name = $"Exact Writers {Guid.NewGuid():N}", type = "Partner" })))["id"]!.GetValue<string>();
        var key = (await OkAsync(admin.PostAsJsonAsync($"/api/v1/admin/organizations/{partner}/api-keys", new { name = "e2e", role = "Owner" })))["key"]!.GetValue<string>();
        using var owner = Client(key);
        await OkAsync(owner.PutAsJsonAsync($"/api/v1/partners/{partner}/profile", new
        {
            legalName = "Exact Writers Ltd (fictional)",
            country = "DE",
            taxId = "DE123456789",
            website = "https://exact-writers.example",
            contactEmail = "vendor@exact-writers.example",
            kinds = new[] { "ModelVendor" },
        }));
        var agreement = (await owner.GetFromJsonAsync<JsonObject>("/api/v1/partners/agreement"))!["version"]!.GetValue<string>();
        await OkAsync(owner.PostAsJsonAsync($"/api/v1/partners/{partner}/agreement", new { version = agreement }));
        await OkAsync(owner.PostAsync($"/api/v1/partners/{partner}/documents", new MultipartFormDataContent
        {
            { new ByteArrayContent("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"u8.ToArray()), "file", "incorporation.pdf" },
            { new StringContent("incorporation"), "kind" },
        }));
        await OkAsync(owner.PostAsync($"/api/v1/partners/{partner}/submit", null));
        await OkAsync(admin.PostAsJsonAsync($"/api/v1/admin/partners/{partner}/verify", new { note = "Registry checked." }));
        var listing = (await OkAsync(owner.PostAsync("/api/v1/listings", new StringContent($$$"""
            {"partnerId":"{{{partner}}}","kind":"Model","name":"Exact Writer","summary":"A test decoder that writes the next letters of the alphabet","task":"text-generation","modality":"text","license":"mit","industries":["media"],"regions":["GLOBAL"],"deployment":["Cloud"],"pricing":{"currency":"USD","per1kInferencesMinor":5}}
            """, Encoding.UTF8, "application/json"))))["id"]!.GetValue<string>();
        var artifact = new ByteArrayContent(ExactDecoderBuilder.Build(Writer));
        artifact.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        await OkAsync(owner.PutAsync($"/api/v1/listings/{listing}/artifact", artifact));
        await OkAsync(owner.PutAsync($"/api/v1/listings/{listing}/tokenizer", new MultipartFormDataContent
        {
            { new ByteArrayContent(ByteVocabularyJson()), "file", "vocab.json" },
            { new ByteArrayContent("#version: 0.2\n"u8.ToArray()), "file", "merges.txt" },
        }));
        await OkAsync(owner.PostAsync($"/api/v1/listings/{listing}/submit", null));
        await OkAsync(admin.PostAsJsonAsync($"/api/v1/admin/listings/{listing}/approve", new { note = "ok" }));
        return listing;
    }

    private HttpClient Client(string key)
    {
        var client = new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static async Task<JsonObject> OkAsync(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        return body.Length == 0 ? [] : JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>GPT-2's 256 byte tokens: byte b has id b, written as GPT-2's printable stand-in for it.</summary>
    private static byte[] ByteVocabularyJson()
    {
        static bool Printable(int b) => b is (>= '!' and <= '~') or (>= 0xA1 and <= 0xAC) or (>= 0xAE and <= 0xFF);
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var shifted = 0;
        for (var b = 0; b < 256; b++)
        {
            vocabulary[((char)(Printable(b) ? b : 256 + shifted++)).ToString()] = b;
        }
        return JsonSerializer.SerializeToUtf8Bytes(vocabulary);
    }
}
