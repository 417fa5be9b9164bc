using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Marketplace.Api.Tests;

/// <summary>
/// Two verified partners (A and B) with keys for every role, a published listing and a draft of
/// partner A: the world the authorization matrix runs in.
/// </summary>
public sealed class TenantWorld(MarketplaceFactory factory) : IAsyncLifetime
{
    public string PartnerA { get; private set; } = "";
    public string PartnerB { get; private set; } = "";
    public string PublishedListing { get; private set; } = "";
    public string DraftListing { get; private set; } = "";
    public string DocumentId { get; private set; } = "";
    public string OwnerKeyId { get; private set; } = "";

    /// <summary>A customer's open quote and another customer quote's order, which none of the callers may see.</summary>
    public string CustomerQuote { get; private set; } = "";

    public string CustomerOrder { get; private set; } = "";

    /// <summary>That order's upfront invoice.</summary>
    public string CustomerInvoice { get; private set; } = "";

    public Dictionary<string, HttpClient> Clients { get; } = [];

    public async Task InitializeAsync()
    {
        (PartnerA, var ownerA) = await factory.MemberOfNewOrganizationAsync("Partner", "Owner");
        (PartnerB, var ownerB) = await factory.MemberOfNewOrganizationAsync("Partner", "Owner");
        var memberA = factory.ClientWithKey(await factory.IssueKeyAsync(PartnerA, "Member"));
        await PartnerFlows.OnboardAndVerifyAsync(factory, PartnerA, ownerA);
        await PartnerFlows.OnboardAndVerifyAsync(factory, PartnerB, ownerB);
        DocumentId = (await ownerA.GetFromJsonAsync<JsonObject>($"/api/v1/partners/{PartnerA}"))!["documents"]![0]!["id"]!.GetValue<string>();
        PublishedListing = await PartnerFlows.CreateListingAsync(ownerA, PartnerA);
        await ownerA.PostAsync($"/api/v1/listings/{PublishedListing}/submit", null);
        await factory.Admin().PostAsJsonAsync($"/api/v1/admin/listings/{PublishedListing}/approve", new { note = "ok" });
        DraftListing = await PartnerFlows.CreateListingAsync(ownerA, PartnerA);
        OwnerKeyId = (await ownerA.GetFromJsonAsync<JsonArray>($"/api/v1/organizations/{PartnerA}/api-keys"))![0]!["id"]!.GetValue<string>();
        var (_, customer) = await factory.MemberOfNewOrganizationAsync("Customer", "Owner");
        CustomerQuote = await SolutionFlows.QuoteAsync(customer);
        (CustomerOrder, CustomerInvoice) = await SolutionFlows.AcceptForInvoiceAsync(customer, await SolutionFlows.QuoteAsync(customer));
        Clients["anonymous"] = factory.CreateClient();
        Clients["other"] = ownerB;
        Clients["member"] = memberA;
        Clients["owner"] = ownerA;
        Clients["operator"] = factory.Admin();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Everything partner A owns, as its owner reads it: the fingerprint a denied write must not change.</summary>
    public async Task<string> FingerprintAsync()
    {
        var owner = Clients["owner"];
        var parts = new[]
        {
            await owner.GetStringAsync($"/api/v1/partners/{PartnerA}"),
            await owner.GetStringAsync($"/api/v1/listings/{PublishedListing}"),
            await owner.GetStringAsync($"/api/v1/listings/{DraftListing}"),
            await owner.GetStringAsync($"/api/v1/organizations/{PartnerA}/api-keys"),
            await owner.GetStringAsync($"/api/v1/organizations/{PartnerA}/users"),
        };
        return string.Join("\n", parts);
    }
}
