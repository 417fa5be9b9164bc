using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Marketplace.Cluster.Tests;

internal static class HostApi
{
    public static async Task<JsonObject> CreateOrganizationAsync(this HttpClient admin, string name, string type = "Customer")
    {
        using var response = await admin.PostAsJsonAsync("/api/v1/admin/organizations", new { name, type });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static async Task<JsonObject?> GetOrganizationAsync(this HttpClient admin, string id)
    {
        using var response = await admin.GetAsync($"/api/v1/admin/organizations/{id}");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>Polls until the condition holds (cluster membership converges in seconds, not at once).</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan within, string what)
    {
        var deadline = DateTime.UtcNow + within;
        T last;
        do
        {
            try
            {
                last = await probe();
                if (done(last))
                {
                    return last;
                }
            }
            catch (HttpRequestException)
            {
                last = default!;
            }
            await Task.Delay(250);
        }
        while (DateTime.UtcNow < deadline);
        throw new TimeoutException($"{what} did not happen within {within}; last seen: {last}");
    }

    public static async Task<string> IssueKeyAsync(HttpClient admin, string organizationId, string role)
    {
        var body = await SendOkAsync(admin, HttpMethod.Post, $"/api/v1/admin/organizations/{organizationId}/api-keys", $$"""{"name":"test","role":"{{role}}"}""");
        return JsonNode.Parse(body)!["key"]!.GetValue<string>();
    }

    /// <summary>Profile, agreement, one PDF, submit; then the operator verifies.</summary>
    public static async Task OnboardAsync(HttpClient owner, HttpClient admin, string partner)
    {
        await SendOkAsync(owner, HttpMethod.Put, $"/api/v1/partners/{partner}/profile",
            """{"legalName":"Propagation GmbH","country":"DE","taxId":"DE1234567","website":"https://p.example","contactEmail":"p@p.example","kinds":["Integrator"]}""");
        await SendOkAsync(owner, HttpMethod.Post, $"/api/v1/partners/{partner}/agreement", """{"version":"2026-11"}""");
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent("%PDF-1.4\n%%EOF\n"u8.ToArray()), "file", "incorporation.pdf" },
            { new StringContent("incorporation"), "kind" },
        };
        using var upload = await owner.PostAsync($"/api/v1/partners/{partner}/documents", form);
        Assert.True(upload.IsSuccessStatusCode, await upload.Content.ReadAsStringAsync());
        await SendOkAsync(owner, HttpMethod.Post, $"/api/v1/partners/{partner}/submit");
        await SendOkAsync(admin, HttpMethod.Post, $"/api/v1/admin/partners/{partner}/verify", """{"note":"ok"}""");
    }

    public static async Task<string> CreateIntegratorListingAsync(HttpClient owner, string partner, string name)
    {
        var body = await SendOkAsync(owner, HttpMethod.Post, "/api/v1/listings",
            $$$"""{"partnerId":"{{{partner}}}","kind":"Integrator","name":"{{{name}}}","summary":"Visual inspection roll-outs","industries":["manufacturing"],"regions":["CN"],"capabilities":["computer-vision"],"pricing":{"currency":"USD","fixedFeeMinor":5000000,"monthlySupportMinor":300000}}""");
        return JsonNode.Parse(body)!["id"]!.GetValue<string>();
    }

    public static async Task<string> SendOkAsync(HttpClient client, HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path)
        {
            Content = json is null ? null : new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return text;
    }
}
