using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Marketplace.Api.Tests;

/// <summary>The requests a partner sends to get verified and list an offering, as the API contract states them.</summary>
internal static class PartnerFlows
{
    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"u8.ToArray();

    /// <summary>Every kind a partner can be, unless a test says which.</summary>
    public static readonly string[] AllKinds = ["ModelVendor", "Integrator", "HardwareVendor"];

    public static async Task CompleteApplicationAsync(HttpClient owner, string organizationId, string[]? kinds = null)
    {
        await DeclareAsync(owner, organizationId, kinds ?? AllKinds);
        var agreement = await owner.GetFromJsonAsync<JsonObject>("/api/v1/partners/agreement");
        await Ok(owner.PostAsJsonAsync($"/api/v1/partners/{organizationId}/agreement", new { version = agreement!["version"]!.GetValue<string>() }));
        await Ok(UploadAsync(owner, organizationId, "incorporation.pdf", Pdf));
    }

    /// <summary>The company profile, declaring which kinds of partner it is (what it may list).</summary>
    public static async Task DeclareAsync(HttpClient owner, string organizationId, string[] kinds)
    {
        await Ok(owner.PutAsJsonAsync($"/api/v1/partners/{organizationId}/profile", new
        {
            legalName = "Example Integration Co GmbH",
            country = "DE",
            taxId = "DE123456789",
            website = "https://example-integration.example",
            contactEmail = "partners@example-integration.example",
            kinds,
        }));
    }

    public static async Task OnboardAndVerifyAsync(MarketplaceFactory factory, string organizationId, HttpClient owner, string[]? kinds = null)
    {
        await CompleteApplicationAsync(owner, organizationId, kinds);
        await Ok(owner.PostAsync($"/api/v1/partners/{organizationId}/submit", null));
        await Ok(factory.Admin().PostAsJsonAsync($"/api/v1/admin/partners/{organizationId}/verify", new { note = "Registry checked." }));
    }

    public static Task<HttpResponseMessage> UploadAsync(HttpClient client, string organizationId, string fileName, byte[] content, string kind = "incorporation")
    {
        var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(content), "file", fileName },
            { new StringContent(kind), "kind" },
        };
        return client.PostAsync($"/api/v1/partners/{organizationId}/documents", form);
    }

    public static object IntegratorBody(string partnerId, string name = "Example Integration Co") => new
    {
        partnerId,
        kind = "Integrator",
        name,
        summary = "Visual inspection roll-outs",
        industries = new[] { "manufacturing" },
        regions = new[] { "CN" },
        capabilities = new[] { "computer-vision" },
        pricing = new { currency = "USD", fixedFeeMinor = 5000000, monthlySupportMinor = 300000 },
    };

    public static async Task<string> CreateListingAsync(HttpClient client, string partnerId, string name = "Example Integration Co")
    {
        using var response = await client.PostAsJsonAsync("/api/v1/listings", IntegratorBody(partnerId, name));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    public static async Task Ok(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
