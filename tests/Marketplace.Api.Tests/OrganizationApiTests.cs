using System.Net;
using System.Net.Http.Json;

namespace Marketplace.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class OrganizationApiTests(MarketplaceFactory factory)
{
    [Fact]
    public async Task Creates_an_organization_and_reads_it_back()
    {
        var admin = factory.Admin();

        using var created = await admin.PostAsJsonAsync("/api/v1/admin/organizations", new { name = "Acme", type = "Customer" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.ReadObjectAsync();
        var id = body["id"]!.GetValue<string>();
        Assert.StartsWith("org_", id);
        Assert.Equal("Acme", body["name"]!.GetValue<string>());
        Assert.Equal("Customer", body["type"]!.GetValue<string>());
        Assert.Equal($"/api/v1/admin/organizations/{id}", created.Headers.Location!.OriginalString);
        var read = await (await admin.GetAsync($"/api/v1/admin/organizations/{id}")).ReadObjectAsync();
        Assert.Equal(id, read["id"]!.GetValue<string>());
        Assert.Equal("Acme", read["name"]!.GetValue<string>());
        Assert.Equal("Customer", read["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Trims_the_name()
    {
        using var created = await factory.Admin().PostAsJsonAsync("/api/v1/admin/organizations", new { name = "  Trimmed Ltd  ", type = "Partner" });

        Assert.Equal("Trimmed Ltd", (await created.ReadObjectAsync())["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("org_doesnotexist")]
    [InlineData("not-an-id")]
    [InlineData("org_UPPER")]
    public async Task Unknown_organization_is_404_problem(string id)
    {
        using var response = await factory.Admin().GetAsync($"/api/v1/admin/organizations/{id}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("""{"type":"Customer"}""", "name")]
    [InlineData("""{"name":"","type":"Customer"}""", "name")]
    [InlineData("""{"name":"   ","type":"Customer"}""", "name")]
    [InlineData("""{"name":"Acme"}""", "type")]
    [InlineData("""{"name":"Acme","type":"Reseller"}""", "type")]
    [InlineData("""{"name":"Acme","type":2}""", "type")]
    [InlineData("""{"name":42,"type":"Customer"}""", "name")]
    [InlineData("""{}""", "name", "type")]
    [InlineData("{\"name\":\"Acme\",\"type\":\"Cust", "body")]
    [InlineData("""[1,2]""", "body")]
    public async Task Invalid_bodies_are_400_naming_the_field(string json, params string[] fields)
    {
        using var response = await factory.Admin().PostJsonTextAsync("/api/v1/admin/organizations", json);

        await response.AssertInvalidFieldsAsync(fields);
    }

    [Fact]
    public async Task A_too_long_name_is_400_naming_the_field()
    {
        using var response = await factory.Admin().PostAsJsonAsync("/api/v1/admin/organizations", new { name = new string('x', 201), type = "Customer" });

        await response.AssertInvalidFieldsAsync("name");
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_refused_with_a_problem()
    {
        using var response = await factory.Admin().PostAsync("/api/v1/admin/organizations", new StringContent("name=Acme", System.Text.Encoding.UTF8, "text/plain"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);

        Assert.Equal("Send the body as application/json.", problem["detail"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    public async Task A_missing_body_is_400_naming_the_body(string body)
    {
        using var response = await factory.Admin().PostAsync("/api/v1/admin/organizations", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await response.AssertInvalidFieldsAsync("body");
        Assert.Contains("A JSON body is required.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_request_changes_nothing()
    {
        var before = await factory.Admin().GetFromJsonAsync<List<object>>("/api/v1/admin/organizations");

        using var response = await factory.Admin().PostJsonTextAsync("/api/v1/admin/organizations", """{"name":"","type":"Customer"}""");

        var after = await factory.Admin().GetFromJsonAsync<List<object>>("/api/v1/admin/organizations");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before!.Count, after!.Count);
    }

    [Fact]
    public async Task Lists_organizations_filtered_by_type()
    {
        var partner = await factory.CreateOrganizationAsync("Partner");

        var partners = await (await factory.Admin().GetAsync("/api/v1/admin/organizations?type=Partner")).Content.ReadFromJsonAsync<List<System.Text.Json.Nodes.JsonObject>>();

        Assert.Contains(partners!, o => o["id"]!.GetValue<string>() == partner);
        Assert.All(partners!, o => Assert.Equal("Partner", o["type"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Issues_a_key_shown_once_that_authenticates_as_the_organization()
    {
        var organization = await factory.CreateOrganizationAsync("Customer");

        using var issued = await factory.Admin().PostAsJsonAsync($"/api/v1/admin/organizations/{organization}/api-keys", new { name = "ci", role = "Owner" });

        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var body = await issued.ReadObjectAsync();
        var key = body["key"]!.GetValue<string>();
        Assert.StartsWith("key_", body["id"]!.GetValue<string>());
        var me = await (await factory.ClientWithKey(key).GetAsync("/api/v1/me")).ReadObjectAsync();
        Assert.Equal(organization, me["caller"]!["organizationId"]!.GetValue<string>());
        Assert.Equal("Owner", me["caller"]!["role"]!.GetValue<string>());
        var listed = await factory.ClientWithKey(key).GetStringAsync($"/api/v1/organizations/{organization}/api-keys");
        Assert.DoesNotContain(key, listed);
        Assert.Contains(body["id"]!.GetValue<string>(), listed);
    }

    [Theory]
    [InlineData("""{"role":"Owner"}""", "name")]
    [InlineData("""{"name":"ci"}""", "role")]
    [InlineData("""{"name":"ci","role":"Admin"}""", "role")]
    public async Task Invalid_key_requests_are_400_naming_the_field(string json, string field)
    {
        var organization = await factory.CreateOrganizationAsync("Customer");

        using var response = await factory.Admin().PostJsonTextAsync($"/api/v1/admin/organizations/{organization}/api-keys", json);

        await response.AssertInvalidFieldsAsync(field);
    }

    [Fact]
    public async Task Issuing_a_key_for_an_unknown_organization_is_404()
    {
        using var response = await factory.Admin().PostAsJsonAsync("/api/v1/admin/organizations/org_missing/api-keys", new { name = "ci", role = "Owner" });

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_revoked_key_stops_working_at_once()
    {
        var (organization, owner) = await factory.MemberOfNewOrganizationAsync("Customer", "Owner");
        var issued = await (await owner.PostAsJsonAsync($"/api/v1/organizations/{organization}/api-keys", new { name = "temp", role = "Member" })).ReadObjectAsync();
        var temp = factory.ClientWithKey(issued["key"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await temp.GetAsync("/api/v1/me")).StatusCode);

        using var revoked = await owner.DeleteAsync($"/api/v1/organizations/{organization}/api-keys/{issued["id"]!.GetValue<string>()}");

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.NotNull((await revoked.ReadObjectAsync())["revokedAt"]);
        await (await temp.GetAsync("/api/v1/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}
