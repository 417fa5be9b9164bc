using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Marketplace.Testing;

/// <summary>
/// The API calls that set a running host up as its users would (organisations, keys, a verified
/// partner), for suites and benchmarks that drive a host process over HTTP. A refused call throws
/// with the status and the problem the host answered.
/// </summary>
public static class HostRequests
{
    public static async Task<string> SendOkAsync(HttpClient client, HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path)
        {
            Content = json is null ? null : new StringContent(json, Encoding.UTF8, "application/json"),
        };
        return await SendOkAsync(client, request);
    }

    public static async Task<string> SendOkAsync(HttpClient client, HttpRequestMessage request)
    {
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{request.Method} {request.RequestUri}: {(int)response.StatusCode} {text}", null, response.StatusCode);
        }
        return text;
    }

    /// <summary>An organisation created by an operator; its id.</summary>
    public static async Task<string> CreateOrganizationAsync(HttpClient admin, string name, string type)
    {
        var body = await SendOkAsync(admin, HttpMethod.Post, "/api/v1/admin/organizations", JsonSerializer.Serialize(new { name, type }));
        return JsonNode.Parse(body)!["id"]!.GetValue<string>();
    }

    public static async Task<string> IssueKeyAsync(HttpClient admin, string organizationId, string role)
    {
        var body = await SendOkAsync(admin, HttpMethod.Post, $"/api/v1/admin/organizations/{organizationId}/api-keys", $$"""{"name":"test","role":"{{role}}"}""");
        return JsonNode.Parse(body)!["key"]!.GetValue<string>();
    }

    /// <summary>Profile (declaring what it lists), the current agreement, one PDF, submit; then the operator verifies.</summary>
    public static async Task OnboardPartnerAsync(HttpClient owner, HttpClient admin, string partner, params string[] kinds)
    {
        await SendOkAsync(owner, HttpMethod.Put, $"/api/v1/partners/{partner}/profile", JsonSerializer.Serialize(new
        {
            legalName = "Propagation GmbH",
            country = "DE",
            taxId = "DE1234567",
            website = "https://p.example",
            contactEmail = "p@p.example",
            kinds,
        }));
        var agreement = JsonNode.Parse(await SendOkAsync(owner, HttpMethod.Get, "/api/v1/partners/agreement"))!["version"]!.GetValue<string>();
        await SendOkAsync(owner, HttpMethod.Post, $"/api/v1/partners/{partner}/agreement", JsonSerializer.Serialize(new { version = agreement }));
        using var upload = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/partners/{partner}/documents")
        {
            Content = new MultipartFormDataContent
            {
                { new ByteArrayContent("%PDF-1.4\n%%EOF\n"u8.ToArray()), "file", "incorporation.pdf" },
                { new StringContent("incorporation"), "kind" },
            },
        };
        await SendOkAsync(owner, upload);
        await SendOkAsync(owner, HttpMethod.Post, $"/api/v1/partners/{partner}/submit");
        await SendOkAsync(admin, HttpMethod.Post, $"/api/v1/admin/partners/{partner}/verify", """{"note":"ok"}""");
    }

    /// <summary>
    /// A new verified model vendor lists a text-generation model, uploads its ONNX decoder and a
    /// byte-level BPE tokenizer (vocab.json, no merges), submits it, and an operator approves it;
    /// the listing's id. Pass the decoder as a StreamContent so a file of hundreds of megabytes
    /// is never held in memory.
    /// </summary>
    public static async Task<string> PublishGenerationModelAsync(HttpClient admin, HttpContent decoder, byte[] vocabJson, string name, string summary)
    {
        var partner = await CreateOrganizationAsync(admin, $"{name} vendor {Guid.NewGuid():N}", "Partner");
        using var owner = new HttpClient { BaseAddress = admin.BaseAddress, Timeout = admin.Timeout };
        owner.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await IssueKeyAsync(admin, partner, "Owner"));
        await OnboardPartnerAsync(owner, admin, partner, "ModelVendor");
        var listing = await CreateGenerationListingAsync(owner, partner, name, summary);
        using var artifact = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/listings/{listing}/artifact") { Content = decoder };
        artifact.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        await SendOkAsync(owner, artifact);
        using var tokenizer = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/listings/{listing}/tokenizer")
        {
            Content = new MultipartFormDataContent
            {
                { new ByteArrayContent(vocabJson), "file", "vocab.json" },
                { new ByteArrayContent("#version: 0.2\n"u8.ToArray()), "file", "merges.txt" },
            },
        };
        await SendOkAsync(owner, tokenizer);
        await SendOkAsync(owner, HttpMethod.Post, $"/api/v1/listings/{listing}/submit");
        await SendOkAsync(admin, HttpMethod.Post, $"/api/v1/admin/listings/{listing}/approve", """{"note":"ok"}""");
        return listing;
    }

    /// <summary>A draft text-generation model listing (the sandbox contract's body), created with the owner's key; its id.</summary>
    public static async Task<string> CreateGenerationListingAsync(HttpClient owner, string partner, string name, string summary) =>
        JsonNode.Parse(await SendOkAsync(owner, HttpMethod.Post, "/api/v1/listings", JsonSerializer.Serialize(new
        {
            partnerId = partner,
            kind = "Model",
            name,
            summary,
            task = "text-generation",
            modality = "text",
            license = "mit",
            industries = new[] { "media" },
            regions = new[] { "GLOBAL" },
            deployment = new[] { "Cloud" },
            pricing = new { currency = "USD", per1kInferencesMinor = 5 },
        })))!["id"]!.GetValue<string>();
}
