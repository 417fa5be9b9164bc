using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Inference.Onnx.Decoders;

namespace Marketplace.Api.Tests;

/// <summary>
/// Text-generation models made at test time and listed through the API like any vendor's: the
/// exact decoder (its next token is a known function of the input) and GPT-2's 256 byte tokens as
/// its byte-level BPE tokenizer, with no merges.
/// </summary>
internal static class GenerationFlows
{
    /// <summary>Next token = previous + 1: "abc" continues "defgh…".</summary>
    public static readonly ExactDecoderSettings Writer = new() { ChecksCache = false };

    /// <summary>Long context and a wider cache, so a generation takes seconds and can be left midway.</summary>
    public static readonly ExactDecoderSettings Slow = new() { ChecksCache = false, ContextLength = 4096, Layers = 4, KvHeads = 4, HeadSize = 32 };

    /// <summary>A verified partner lists the decoder with its tokenizer; an operator approves it.</summary>
    public static async Task<string> PublishAsync(MarketplaceFactory factory, ExactDecoderSettings settings, string name = "Exact writer")
    {
        var (partner, owner) = await factory.MemberOfNewOrganizationAsync("Partner", "Owner");
        await PartnerFlows.OnboardAndVerifyAsync(factory, partner, owner);
        var listing = await CreateAsync(owner, partner, name);
        var report = await (await owner.PutAsync($"/api/v1/listings/{listing}/artifact", SandboxApiTests.Octets(ExactDecoderBuilder.Build(settings)))).ReadObjectAsync();
        Assert.Equal("Valid", report["status"]!.GetValue<string>());
        // The upload's answer says what the validator read from the decoder.
        var decoder = report["decoder"]!;
        Assert.Equal((settings.Layers, settings.KvHeads, settings.HeadSize, settings.Vocabulary, settings.ContextLength, settings.PositionIds),
            (decoder["layers"]!.GetValue<int>(), decoder["kvHeads"]!.GetValue<int>(), decoder["headSize"]!.GetValue<int>(),
             decoder["vocabularySize"]!.GetValue<int>(), decoder["contextLength"]!.GetValue<int>(), decoder["hasPositionIds"]!.GetValue<bool>()));
        await PartnerFlows.Ok(owner.PutAsync($"/api/v1/listings/{listing}/tokenizer", ByteTokenizer()));
        await PartnerFlows.Ok(owner.PostAsync($"/api/v1/listings/{listing}/submit", null));
        await PartnerFlows.Ok(factory.Admin().PostAsJsonAsync($"/api/v1/admin/listings/{listing}/approve", new { note = "ok" }));
        return listing;
    }

    /// <summary>The model listing body of the sandbox contract, with task text-generation.</summary>
    public static async Task<string> CreateAsync(HttpClient owner, string partner, string name = "Exact writer")
    {
        using var created = await owner.PostJsonTextAsync("/api/v1/listings", $$$"""
            {"partnerId":"{{{partner}}}","kind":"Model","name":"{{{name}}}","summary":"A decoder that writes the next letters","task":"text-generation","modality":"text","license":"apache-2.0","industries":["media"],"regions":["GLOBAL"],"deployment":["Cloud","Private"],"pricing":{"currency":"USD","per1kInferencesMinor":50}}
            """);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var body = await created.ReadObjectAsync();
        Assert.Equal("generate", body["current"]!["content"]!["model"]!["adapter"]!.GetValue<string>());
        return body["id"]!.GetValue<string>();
    }

    /// <summary>vocab.json of GPT-2's 256 byte tokens (byte b has id b) and an empty merges.txt, as file parts.</summary>
    public static MultipartFormDataContent ByteTokenizer() => new()
    {
        { new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(Marketplace.Inference.Generation.ByteLevelBpeTokenizer.ByteAlphabetVocabulary())), "file", "vocab.json" },
        { new ByteArrayContent(EmptyMerges), "file", "merges.txt" },
    };

    /// <summary>The same files named by their multipart part names rather than their file names.</summary>
    public static MultipartFormDataContent ByteTokenizerByPartName() => new()
    {
        { new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(Marketplace.Inference.Generation.ByteLevelBpeTokenizer.ByteAlphabetVocabulary())), "vocab.json", "upload-1" },
        { new ByteArrayContent(EmptyMerges), "merges.txt", "upload-2" },
    };

    private static readonly byte[] EmptyMerges = "#version: 0.2\n"u8.ToArray();

    public static HttpRequestMessage Generate(string listing, object body, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/sandbox/models/{listing}/generations") { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }
        return request;
    }

    public static bool IsEventStream(HttpResponseMessage response) =>
        response.Content.Headers.ContentType is MediaTypeHeaderValue { MediaType: "text/event-stream" };
}
