using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Marketplace.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class AuthApiTests(MarketplaceFactory factory)
{
    private static string NewEmail() => $"u{Guid.NewGuid():N}@example.test";

    [Fact]
    public async Task Signing_up_creates_the_organisation_with_the_user_as_owner_and_signs_in()
    {
        var client = factory.CreateClient();
        var email = NewEmail();

        using var signedUp = await client.PostAsJsonAsync("/api/v1/auth/sign-up", new { email, password = "a good password 1", displayName = "Ada", organizationName = "Ada Robotics", organizationType = "Partner" });
        var me = await client.GetFromJsonAsync<JsonObject>("/api/v1/me");

        Assert.Equal(HttpStatusCode.Created, signedUp.StatusCode);
        Assert.Equal("User", me!["caller"]!["kind"]!.GetValue<string>());
        Assert.Equal("Owner", me["caller"]!["role"]!.GetValue<string>());
        Assert.Equal("Ada Robotics", me["organization"]!["name"]!.GetValue<string>());
        Assert.Equal("Partner", me["organization"]!["type"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"email":"nobody","password":"a good password 1","displayName":"A","organizationName":"A","organizationType":"Partner"}""", "email")]
    [InlineData("""{"email":"a@b.example","password":"short","displayName":"A","organizationName":"A","organizationType":"Partner"}""", "password")]
    [InlineData("""{"email":"a@b.example","password":"a good password 1","displayName":"A","organizationName":"A","organizationType":"Operator"}""", "organizationType")]
    [InlineData("""{"email":"a@b.example","password":"a good password 1","displayName":"","organizationName":"A","organizationType":"Customer"}""", "displayName")]
    public async Task Invalid_sign_ups_are_400_naming_the_field(string json, string field) =>
        await (await factory.CreateClient().PostJsonTextAsync("/api/v1/auth/sign-up", json)).AssertInvalidFieldsAsync(field);

    [Fact]
    public async Task An_address_signs_up_once()
    {
        var email = NewEmail();
        var body = new { email, password = "a good password 1", displayName = "A", organizationName = "A", organizationType = "Customer" };
        await PartnerFlows.Ok(factory.CreateClient().PostAsJsonAsync("/api/v1/auth/sign-up", body));

        await (await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/sign-up", body with { email = email.ToUpperInvariant() })).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account()
    {
        var email = NewEmail();
        await PartnerFlows.Ok(factory.CreateClient().PostAsJsonAsync("/api/v1/auth/sign-up", new { email, password = "a good password 1", displayName = "A", organizationName = "A", organizationType = "Customer" }));
        var client = factory.CreateClient();

        for (var i = 0; i < 4; i++)
        {
            await (await client.PostAsJsonAsync("/api/v1/auth/sign-in", new { email, password = "wrong password 1" })).AssertProblemAsync(HttpStatusCode.Unauthorized);
        }
        var locked = await (await client.PostAsJsonAsync("/api/v1/auth/sign-in", new { email, password = "wrong password 1" })).AssertProblemAsync(HttpStatusCode.Unauthorized);
        var evenRight = await (await client.PostAsJsonAsync("/api/v1/auth/sign-in", new { email, password = "a good password 1" })).AssertProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Contains("Too many failed attempts", locked["detail"]!.GetValue<string>());
        Assert.Contains("Too many failed attempts", evenRight["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_signed_out_cookie_no_longer_works()
    {
        var client = factory.CreateClient();
        await PartnerFlows.Ok(client.PostAsJsonAsync("/api/v1/auth/sign-up", new { email = NewEmail(), password = "a good password 1", displayName = "A", organizationName = "A", organizationType = "Customer" }));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);

        await PartnerFlows.Ok(client.PostAsync("/api/v1/auth/sign-out", null));

        await (await client.GetAsync("/api/v1/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_demo_users_can_sign_in()
    {
        using var response = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/sign-in", new { email = "operator@marketplace.example", password = "Demo-password-2026" });

        Assert.Equal("Operator", (await response.ReadObjectAsync())["organizationType"]!.GetValue<string>());
    }
}
