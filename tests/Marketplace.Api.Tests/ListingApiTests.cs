using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Marketplace.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class ListingApiTests(MarketplaceFactory factory)
{
    private async Task<(string Partner, HttpClient Owner)> VerifiedPartnerAsync()
    {
        var (id, owner) = await factory.MemberOfNewOrganizationAsync("Partner", "Owner");
        await PartnerFlows.OnboardAndVerifyAsync(factory, id, owner);
        return (id, owner);
    }

    [Fact]
    public async Task The_contract_integrator_body_creates_a_draft()
    {
        var (partner, owner) = await factory.MemberOfNewOrganizationAsync("Partner", "Owner");

        using var created = await owner.PostAsync("/api/v1/listings", new StringContent(
            $$$"""{"partnerId":"{{{partner}}}","kind":"Integrator","name":"Example Integration Co","summary":"Visual inspection roll-outs","industries":["manufacturing"],"regions":["CN"],"capabilities":["computer-vision"],"pricing":{"currency":"USD","fixedFeeMinor":5000000,"monthlySupportMinor":300000}}""",
            System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.ReadObjectAsync();
        Assert.StartsWith("lst_", body["id"]!.GetValue<string>());
        Assert.Equal("Draft", body["status"]!.GetValue<string>());
        Assert.Equal("1.0.0", body["current"]!["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_contract_model_body_creates_a_draft()
    {
        var (partner, owner) = await factory.MemberOfNewOrganizationAsync("Partner", "Owner");

        using var created = await owner.PostAsync("/api/v1/listings", new StringContent(
            $$$"""{"partnerId":"{{{partner}}}","kind":"Model","name":"Example Embedder","summary":"Sentence embeddings","task":"text-embedding","modality":"text","license":"apache-2.0","industries":["finance"],"deployment":["Cloud","Private"],"pricing":{"currency":"USD","per1kInferencesMinor":50}}""",
            System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("Draft", (await created.ReadObjectAsync())["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"kind":"Integrator","name":"X"}""", "partnerId")]
    [InlineData("""{"partnerId":"{P}","name":"X"}""", "kind")]
    [InlineData("""{"partnerId":"{P}","kind":"Robot","name":"X"}""", "kind")]
    [InlineData("""{"partnerId":"{P}","kind":"Integrator","name":""}""", "name")]
    [InlineData("""{"partnerId":"{P}","kind":"Integrator","name":"X","regions":["Germany"]}""", "regions[0]")]
    [InlineData("""{"partnerId":"{P}","kind":"Integrator","name":"X","industries":["basket-weaving"]}""", "industries[0]")]
    [InlineData("""{"partnerId":"{P}","kind":"Integrator","name":"X","pricing":{"currency":"XYZ"}}""", "pricing.currency")]
    [InlineData("""{"partnerId":"{P}","kind":"Integrator","name":"X","pricing":{"currency":"USD","fixedFeeMinor":-1}}""", "pricing.fixedFeeMinor")]
    [InlineData("""{"partnerId":"{P}","kind":"Integrator","name":"X","pricing":{"currency":"USD","per1kInferencesMinor":5}}""", "pricing.per1kInferencesMinor")]
    [InlineData("""{"partnerId":"{P}","kind":"Integrator","name":"X","pricing":{"currency":"USD","fixedFeeMinor":1.5}}""", "pricing.fixedFeeMinor")]
    [InlineData("""{"partnerId":"{P}","kind":"Integrator","name":"X","task":"text-embedding"}""", "task")]
    [InlineData("""{"partnerId":"{P}","kind":"Model","name":"X","modality":"text","license":"mit"}""", "task")]
    [InlineData("""{"partnerId":"{P}","kind":"Model","name":"X","task":"text-embedding","modality":"smell","license":"mit"}""", "modality")]
    [InlineData("""{"partnerId":"{P}","kind":"Hardware","name":"X"}""", "acceleratorType")]
    [InlineData("""{"partnerId":"{P}","kind":"Hardware","name":"X","acceleratorType":"L4","memoryPerAcceleratorGb":-2}""", "memoryPerAcceleratorGb")]
    public async Task Invalid_listing_bodies_are_400_naming_the_field(string json, string field)
    {
        var (partner, owner) = await factory.MemberOfNewOrganizationAsync("Partner", "Owner");

        using var response = await owner.PostJsonTextAsync("/api/v1/listings", json.Replace("{P}", partner, StringComparison.Ordinal));

        await response.AssertInvalidFieldsAsync(field);
        Assert.Empty((await owner.GetFromJsonAsync<JsonArray>($"/api/v1/partners/{partner}/listings"))!);
    }

    [Fact]
    public async Task Only_a_verified_partners_listing_can_be_submitted()
    {
        var (partner, owner) = await factory.MemberOfNewOrganizationAsync("Partner", "Owner");
        var listing = await PartnerFlows.CreateListingAsync(owner, partner);

        var problem = await (await owner.PostAsync($"/api/v1/listings/{listing}/submit", null)).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("listing.partner_not_verified", problem["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_partner_that_declared_only_Integrator_cannot_create_a_hardware_listing()
    {
        var (partner, owner) = await factory.MemberOfNewOrganizationAsync("Partner", "Owner");
        await PartnerFlows.DeclareAsync(owner, partner, ["Integrator"]);

        using var hardware = await owner.PostAsJsonAsync("/api/v1/listings", new
        {
            partnerId = partner, kind = "Hardware", name = "Edge box", acceleratorType = "NVIDIA L4", acceleratorCount = 1,
            pricing = new { currency = "USD", purchasePriceMinor = 900000 },
        });
        using var integrator = await owner.PostAsJsonAsync("/api/v1/listings", PartnerFlows.IntegratorBody(partner));

        var problem = await hardware.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("listing.kind_not_declared", problem["code"]!.GetValue<string>());
        Assert.Equal("Hardware listings are offered by a HardwareVendor, and this partner has declared Integrator. Add HardwareVendor to the kinds in the partner profile first.",
            problem["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, integrator.StatusCode);
        var listings = (await owner.GetFromJsonAsync<JsonArray>($"/api/v1/partners/{partner}/listings"))!;
        Assert.Single(listings);
    }

    [Fact]
    public async Task A_draft_of_a_kind_the_partner_no_longer_declares_cannot_be_submitted()
    {
        var (partner, owner) = await factory.MemberOfNewOrganizationAsync("Partner", "Owner");
        var listing = await PartnerFlows.CreateListingAsync(owner, partner);
        await PartnerFlows.OnboardAndVerifyAsync(factory, partner, owner, ["ModelVendor"]);

        var problem = await (await owner.PostAsync($"/api/v1/listings/{listing}/submit", null)).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("listing.kind_not_declared", problem["code"]!.GetValue<string>());
        Assert.Contains("Add Integrator to the kinds in the partner profile", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_customer_cannot_list_offerings()
    {
        var (customer, client) = await factory.MemberOfNewOrganizationAsync("Customer", "Owner");

        await (await client.PostAsJsonAsync("/api/v1/listings", PartnerFlows.IntegratorBody(customer))).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_approved_listing_is_searchable_at_once_and_a_deprecated_one_disappears()
    {
        var (partner, owner) = await VerifiedPartnerAsync();
        var name = "Quasar Inspection " + Guid.NewGuid().ToString("N")[..6];
        var listing = await PartnerFlows.CreateListingAsync(owner, partner, name);
        await PartnerFlows.Ok(owner.PostAsync($"/api/v1/listings/{listing}/submit", null));
        Assert.Contains(await factory.Admin().GetFromJsonAsync<JsonArray>("/api/v1/admin/listings/review-queue") ?? [], i => i!["listingId"]!.GetValue<string>() == listing);

        await PartnerFlows.Ok(factory.Admin().PostAsJsonAsync($"/api/v1/admin/listings/{listing}/approve", new { note = "ok" }));
        var found = await SearchUntilAsync(name, total => total == 1);
        await PartnerFlows.Ok(owner.PostAsJsonAsync($"/api/v1/listings/{listing}/deprecate", new { reason = "retired" }));
        var gone = await SearchUntilAsync(name, total => total == 0);

        Assert.Equal(listing, found["items"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(0, gone["total"]!.GetValue<int>());
        await (await factory.CreateClient().GetAsync($"/api/v1/catalog/items/{listing}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_draft_is_not_visible_to_buyers()
    {
        var (partner, owner) = await VerifiedPartnerAsync();
        var listing = await PartnerFlows.CreateListingAsync(owner, partner);

        await (await factory.CreateClient().GetAsync($"/api/v1/catalog/items/{listing}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private async Task<JsonObject> SearchUntilAsync(string text, Func<int, bool> done)
    {
        // The index is fed by a push from the catalog feed; one second is the promise.
        var watch = Stopwatch.StartNew();
        JsonObject result;
        do
        {
            result = (await factory.CreateClient().GetFromJsonAsync<JsonObject>($"/api/v1/catalog/search?q={Uri.EscapeDataString(text)}"))!;
            if (done(result["total"]!.GetValue<int>()))
            {
                return result;
            }
            await Task.Delay(25);
        }
        while (watch.Elapsed < TimeSpan.FromSeconds(1));
        Assert.Fail($"Search for '{text}' did not settle within 1 s: {result.ToJsonString()}");
        return result;
    }
}
