using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Marketplace.Api.Tests;

/// <summary>The configurator's requests as the API contract states them, on the seed catalog.</summary>
internal static class SolutionFlows
{
    /// <summary>The contract's example: embeddings for a bank in China, on premises, three years.</summary>
    public static readonly object Requirements = new
    {
        industry = "finance", task = "text-embedding", peakRequestsPerSecond = 200, latencyP95Ms = 100,
        deployment = "Private", region = "CN", termMonths = 36, currency = "USD", top = 5,
    };

    public static readonly object QuoteBody = new
    {
        modelId = "lst_bge-m3",
        integratorId = "lst_hanlin-bank-contact-centre",
        hardwareId = "lst_jaderiver-jc2-xeon",
        requirements = new { industry = "finance", task = "text-embedding", peakRequestsPerSecond = 200, latencyP95Ms = 100, deployment = "Private", region = "CN", termMonths = 36, currency = "USD" },
    };

    public static async Task<string> QuoteAsync(HttpClient customer)
    {
        using var response = await customer.PostAsJsonAsync("/api/v1/quotes", QuoteBody);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    public static async Task<string> AcceptAsync(HttpClient customer, string quoteId) => (await AcceptForInvoiceAsync(customer, quoteId)).OrderId;

    /// <summary>Accepts the quote; its order and the upfront invoice issued with it.</summary>
    public static async Task<(string OrderId, string InvoiceId)> AcceptForInvoiceAsync(HttpClient customer, string quoteId)
    {
        using var response = await customer.PostAsync($"/api/v1/quotes/{quoteId}/accept", null);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var accepted = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return (accepted["orderId"]!.GetValue<string>(), accepted["invoiceIds"]![0]!.GetValue<string>());
    }
}
