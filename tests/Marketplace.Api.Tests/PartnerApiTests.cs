using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Marketplace.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class PartnerApiTests(MarketplaceFactory factory)
{
    [Fact]
    public async Task A_partner_goes_from_draft_to_verified_through_the_contract_endpoints()
    {
        var (id, owner) = await factory.MemberOfNewOrganizationAsync("Partner", "Owner");
        Assert.Equal("Draft", (await owner.GetFromJsonAsync<JsonObject>($"/api/v1/partners/{id}"))!["status"]!.GetValue<string>());

        await PartnerFlows.CompleteApplicationAsync(owner, id);
        using var submitted = await owner.PostAsync($"/api/v1/partners/{id}/submit", null);
        using var verified = await factory.Admin().PostAsJsonAsync($"/api/v1/admin/partners/{id}/verify", new { note = "Registry checked." });

        Assert.Equal("Submitted", (await submitted.ReadObjectAsync())["status"]!.GetValue<string>());
        var partner = await verified.ReadObjectAsync();
        Assert.Equal("Verified", partner["status"]!.GetValue<string>());
        var audit = partner["audit"]!.AsArray();
        Assert.Contains(audit, a => a!["action"]!.GetValue<string>() == "verified" && a["reason"]!.GetValue<string>() == "Registry checked.");
        Assert.All(audit, a => Assert.False(string.IsNullOrEmpty(a!["actor"]!.GetValue<string>())));
    }

    [Fact]
    public async Task Submitting_an_incomplete_application_is_409_listing_what_is_missing()
    {
        var (id, owner) = await factory.MemberOfNewOrganizationAsync("Partner", "Owner");

        var problem = await (await owner.PostAsync($"/api/v1/partners/{id}/submit", null)).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("partner.incomplete", problem["code"]!.GetValue<string>());
        Assert.Equal(3, problem["details"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_and_an_invalid_transition_is_409_never_a_no_op()
    {
        var (id, owner) = await factory.MemberOfNewOrganizationAsync("Partner", "Owner");
        await PartnerFlows.CompleteApplicationAsync(owner, id);
        await owner.PostAsync($"/api/v1/partners/{id}/submit", null);

        await (await factory.Admin().PostAsJsonAsync($"/api/v1/admin/partners/{id}/reject", new { reason = "" })).AssertInvalidFieldsAsync("reason");
        await (await factory.Admin().PostAsync($"/api/v1/admin/partners/{id}/reinstate", null)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await owner.PostAsync($"/api/v1/partners/{id}/submit", null)).AssertProblemAsync(HttpStatusCode.Conflict);
        using var rejected = await factory.Admin().PostAsJsonAsync($"/api/v1/admin/partners/{id}/reject", new { reason = "Tax id unknown to the registry." });
        var partner = await rejected.ReadObjectAsync();

        Assert.Equal("Rejected", partner["status"]!.GetValue<string>());
        Assert.Equal("Tax id unknown to the registry.", partner["lastDecisionReason"]!.GetValue<string>());
        await (await factory.Admin().PostAsJsonAsync($"/api/v1/admin/partners/{id}/verify", new { note = "x" })).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("""{"legalName":"","country":"DE","taxId":"DE1234","website":"https://x.example","contactEmail":"a@x.example","kinds":["Integrator"]}""", "legalName")]
    [InlineData("""{"legalName":"X","country":"Germany","taxId":"DE1234","website":"https://x.example","contactEmail":"a@x.example","kinds":["Integrator"]}""", "country")]
    [InlineData("""{"legalName":"X","country":"DE","taxId":"DE1234","website":"not a url","contactEmail":"a@x.example","kinds":["Integrator"]}""", "website")]
    [InlineData("""{"legalName":"X","country":"DE","taxId":"DE1234","website":"https://x.example","contactEmail":"nobody","kinds":["Integrator"]}""", "contactEmail")]
    [InlineData("""{"legalName":"X","country":"DE","taxId":"DE1234","website":"https://x.example","contactEmail":"a@x.example","kinds":[]}""", "kinds")]
    [InlineData("""{"legalName":"X","country":"DE","taxId":"DE1234","website":"https://x.example","contactEmail":"a@x.example","kinds":["Reseller"]}""", "kinds[0]")]
    public async Task Invalid_profiles_are_400_naming_the_field(string json, string field)
    {
        var (id, owner) = await factory.MemberOfNewOrganizationAsync("Partner", "Owner");

        await (await owner.PutAsync($"/api/v1/partners/{id}/profile", new StringContent(json, System.Text.Encoding.UTF8, "application/json"))).AssertInvalidFieldsAsync(field);
    }

    [Theory]
    [InlineData("tax.pdf", "MZ this is an executable")]
    [InlineData("tax.pdf", "\u0089PNG\r\n\u001a\n....")]
    [InlineData("tax.exe", "%PDF-1.4 ...")]
    public async Task Documents_are_judged_by_content_and_name_and_a_mismatch_is_refused(string name, string content)
    {
        var (id, owner) = await factory.MemberOfNewOrganizationAsync("Partner", "Owner");
        var bytes = content.Select(c => (byte)c).ToArray();

        await (await PartnerFlows.UploadAsync(owner, id, name, bytes)).AssertInvalidFieldsAsync("file");

        Assert.Empty((await owner.GetFromJsonAsync<JsonObject>($"/api/v1/partners/{id}"))!["documents"]!.AsArray());
    }

    [Fact]
    public async Task A_document_over_ten_megabytes_is_refused()
    {
        var (id, owner) = await factory.MemberOfNewOrganizationAsync("Partner", "Owner");
        var big = new byte[10 * 1024 * 1024 + 1];
        PartnerFlows.Pdf.CopyTo(big, 0);

        await (await PartnerFlows.UploadAsync(owner, id, "big.pdf", big)).AssertInvalidFieldsAsync("file");
    }

    [Fact]
    public async Task An_uploaded_document_is_recorded_with_its_detected_type_size_and_hash()
    {
        var (id, owner) = await factory.MemberOfNewOrganizationAsync("Partner", "Owner");

        var partner = await (await PartnerFlows.UploadAsync(owner, id, "incorporation.pdf", PartnerFlows.Pdf)).ReadObjectAsync();

        var document = Assert.Single(partner["documents"]!.AsArray())!;
        Assert.Equal("application/pdf", document["contentType"]!.GetValue<string>());
        Assert.Equal(PartnerFlows.Pdf.Length, document["sizeBytes"]!.GetValue<long>());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(PartnerFlows.Pdf)), document["sha256"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("DE89370400440532013000", true)]
    [InlineData("DE89370400440532013001", false)]
    [InlineData("GB82WEST12345698765432", true)]
    public async Task A_bank_payout_account_checks_the_iban_and_keeps_it_masked(string iban, bool valid)
    {
        var (id, owner) = await factory.MemberOfNewOrganizationAsync("Partner", "Owner");

        using var response = await owner.PutAsJsonAsync($"/api/v1/partners/{id}/payout-account", new { provider = "bank-transfer", accountHolder = "Example GmbH", iban, currency = "EUR" });

        if (valid)
        {
            var account = (await response.ReadObjectAsync())["payoutAccount"]!;
            Assert.Equal("••••" + iban[^4..], account["maskedReference"]!.GetValue<string>());
            Assert.DoesNotContain(iban, await response.RequestMessage!.Content!.ReadAsStringAsync() == "" ? "" : account.ToJsonString());
        }
        else
        {
            await response.AssertInvalidFieldsAsync("iban");
        }
    }

    [Fact]
    public async Task A_customer_organisation_has_no_partner_application()
    {
        var (id, customer) = await factory.MemberOfNewOrganizationAsync("Customer", "Owner");

        await (await customer.GetAsync($"/api/v1/partners/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Members_and_operators_download_a_document_others_may_not()
    {
        var (id, owner) = await factory.MemberOfNewOrganizationAsync("Partner", "Owner");
        var documentId = (await (await PartnerFlows.UploadAsync(owner, id, "incorporation.pdf", PartnerFlows.Pdf)).ReadObjectAsync())["documents"]![0]!["id"]!.GetValue<string>();
        var (_, stranger) = await factory.MemberOfNewOrganizationAsync("Partner", "Owner");

        using var byOperator = await factory.Admin().GetAsync($"/api/v1/partners/{id}/documents/{documentId}");

        Assert.Equal(HttpStatusCode.OK, byOperator.StatusCode);
        Assert.Equal("application/pdf", byOperator.Content.Headers.ContentType!.MediaType);
        Assert.Equal(PartnerFlows.Pdf, await byOperator.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/v1/partners/{id}/documents/{documentId}")).StatusCode);
        await (await stranger.GetAsync($"/api/v1/partners/{id}/documents/{documentId}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await owner.GetAsync($"/api/v1/partners/{id}/documents/doc_missing")).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
