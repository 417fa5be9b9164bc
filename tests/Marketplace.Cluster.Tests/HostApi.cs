using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Testing;

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

    public static async Task<string> CreateIntegratorListingAsync(HttpClient owner, string partner, string name)
    {
        var body = await HostRequests.SendOkAsync(owner, HttpMethod.Post, "/api/v1/listings",
            $$$"""{"partnerId":"{{{partner}}}","kind":"Integrator","name":"{{{name}}}","summary":"Visual inspection roll-outs","industries":["manufacturing"],"regions":["CN"],"capabilities":["computer-vision"],"pricing":{"currency":"USD","fixedFeeMinor":5000000,"monthlySupportMinor":300000}}""");
        return JsonNode.Parse(body)!["id"]!.GetValue<string>();
    }
}
