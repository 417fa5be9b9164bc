using System.Net;
using System.Net.Http.Json;

namespace Marketplace.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class AuthorizationTests(MarketplaceFactory factory)
{
    public static TheoryData<string, string> ProtectedEndpoints => new()
    {
        { "GET", "/api/v1/system/info" },
        { "GET", "/api/v1/me" },
        { "GET", "/api/v1/admin/organizations" },
        { "POST", "/api/v1/admin/organizations" },
        { "GET", "/api/v1/admin/organizations/org_operator" },
        { "POST", "/api/v1/admin/organizations/org_operator/api-keys" },
        { "GET", "/api/v1/organizations/org_operator" },
        { "GET", "/api/v1/organizations/org_operator/api-keys" },
        { "POST", "/api/v1/organizations/org_operator/api-keys" },
        { "DELETE", "/api/v1/organizations/org_operator/api-keys/key_x" },
    };

    [Theory]
    [MemberData(nameof(ProtectedEndpoints))]
    public async Task Anonymous_calls_are_401_with_a_bearer_challenge(string method, string path)
    {
        using var response = await factory.CreateClient().SendAsync(Request(method, path));

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Theory]
    [MemberData(nameof(ProtectedEndpoints))]
    public async Task Unknown_keys_are_401(string method, string path)
    {
        using var response = await factory.ClientWithKey("mk_not-a-real-key").SendAsync(Request(method, path));

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("GET", "/api/v1/system/info")]
    [InlineData("GET", "/api/v1/admin/organizations")]
    [InlineData("POST", "/api/v1/admin/organizations")]
    [InlineData("GET", "/api/v1/admin/organizations/org_operator")]
    [InlineData("POST", "/api/v1/admin/organizations/org_operator/api-keys")]
    public async Task Customer_owners_are_403_on_operator_endpoints(string method, string path)
    {
        var (_, customer) = await factory.MemberOfNewOrganizationAsync("Customer", "Owner");

        using var response = await customer.SendAsync(Request(method, path));

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_operator_member_may_read_but_not_create_organizations()
    {
        var member = factory.ClientWithKey(await factory.IssueKeyAsync("org_operator", "Member"));

        using var list = await member.GetAsync("/api/v1/admin/organizations");
        using var create = await member.PostAsJsonAsync("/api/v1/admin/organizations", new { name = "Nope", type = "Customer" });

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var problem = await create.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("Owner", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_member_may_not_issue_list_or_revoke_keys()
    {
        var (organization, member) = await factory.MemberOfNewOrganizationAsync("Partner", "Member");

        using var issue = await member.PostAsJsonAsync($"/api/v1/organizations/{organization}/api-keys", new { name = "x", role = "Owner" });
        using var list = await member.GetAsync($"/api/v1/organizations/{organization}/api-keys");
        using var revoke = await member.DeleteAsync($"/api/v1/organizations/{organization}/api-keys/key_x");
        using var read = await member.GetAsync($"/api/v1/organizations/{organization}");

        await issue.AssertProblemAsync(HttpStatusCode.Forbidden);
        await list.AssertProblemAsync(HttpStatusCode.Forbidden);
        await revoke.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task No_organization_can_read_or_write_another_organizations_keys()
    {
        var (victim, victimOwner) = await factory.MemberOfNewOrganizationAsync("Customer", "Owner");
        var (_, attacker) = await factory.MemberOfNewOrganizationAsync("Partner", "Owner");
        var victimKeys = await victimOwner.GetStringAsync($"/api/v1/organizations/{victim}/api-keys");

        using var read = await attacker.GetAsync($"/api/v1/organizations/{victim}");
        using var issue = await attacker.PostAsJsonAsync($"/api/v1/organizations/{victim}/api-keys", new { name = "backdoor", role = "Owner" });
        using var adminIssue = await attacker.PostAsJsonAsync($"/api/v1/admin/organizations/{victim}/api-keys", new { name = "backdoor", role = "Owner" });

        await read.AssertProblemAsync(HttpStatusCode.Forbidden);
        await issue.AssertProblemAsync(HttpStatusCode.Forbidden);
        await adminIssue.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(victimKeys, await victimOwner.GetStringAsync($"/api/v1/organizations/{victim}/api-keys"));
    }

    [Fact]
    public async Task Public_endpoints_need_no_key()
    {
        var anonymous = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/openapi/v1.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task The_orleans_dashboard_is_for_operators_only()
    {
        using var anonymous = await factory.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/dashboard/");
        var (_, customer) = await factory.MemberOfNewOrganizationAsync("Customer", "Owner");
        using var forbidden = await customer.GetAsync("/dashboard/");
        using var allowed = await factory.Admin().GetAsync("/dashboard/");

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/signin", anonymous.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    private static HttpRequestMessage Request(string method, string path) =>
        new(new HttpMethod(method), path)
        {
            Content = method is "POST" ? JsonContent.Create(new { name = "x", type = "Customer", role = "Owner" }) : null,
        };
}
