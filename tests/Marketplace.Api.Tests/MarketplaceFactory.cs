using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Api.Tests;

/// <summary>
/// The whole host in-process (silo, API, portal) on a fresh SQLite data folder and free silo
/// ports, with a known operator admin key.
/// </summary>
public sealed class MarketplaceFactory : WebApplicationFactory<Program>
{
    public const string AdminKey = "test-admin-key-0123456789";

    /// <summary>The Stripe webhook signing secret the host is configured with.</summary>
    public const string StripeWebhookSecret = "whsec_test_marketplace_0123456789";

    private readonly TempDirectory _data = new("api-tests");

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Marketplace:DataPath", _data.Path);
        builder.UseSetting("Marketplace:Bootstrap:AdminApiKey", AdminKey);
        builder.UseSetting("Marketplace:Stripe:WebhookSecret", StripeWebhookSecret);
        builder.UseSetting("Marketplace:Cluster:SiloPort", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Marketplace:Cluster:GatewayPort", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (key, value) in ExtraSettings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<Marketplace.Abstractions.Billing.IPayoutAccountOnboarding>(Stripe);
            services.AddSingleton<Marketplace.Abstractions.Billing.IPartnerTransfers>(Stripe);
            services.AddSingleton<Marketplace.Abstractions.Billing.IPaymentRefunds>(Stripe);
        });
    }

    /// <summary>Stripe Connect as the host sees it (checkout and webhooks stay real).</summary>
    public FakeStripeConnect Stripe { get; } = new();

    /// <summary>Settings a test class adds before the host starts.</summary>
    public Dictionary<string, string> ExtraSettings { get; } = [];

    public HttpClient ClientWithKey(string? key)
    {
        var client = CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        return client;
    }

    public HttpClient Admin() => ClientWithKey(AdminKey);

    public async Task<string> CreateOrganizationAsync(string type, string? name = null)
    {
        using var response = await Admin().PostAsJsonAsync("/api/v1/admin/organizations", new { name = name ?? $"{type} {Guid.NewGuid():N}", type });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    public async Task<string> IssueKeyAsync(string organizationId, string role)
    {
        using var response = await Admin().PostAsJsonAsync($"/api/v1/admin/organizations/{organizationId}/api-keys", new { name = "test", role });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["key"]!.GetValue<string>();
    }

    /// <summary>A new organisation of that type and a key with that role in it.</summary>
    public async Task<(string OrganizationId, HttpClient Client)> MemberOfNewOrganizationAsync(string type, string role)
    {
        var id = await CreateOrganizationAsync(type);
        return (id, ClientWithKey(await IssueKeyAsync(id, role)));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _data.Dispose();
    }
}

/// <summary>
/// A host of its own for one test class: for settings the shared host does not have, or requests
/// that may change state other classes rely on.
/// </summary>
public abstract class IsolatedHost : IDisposable
{
    protected IsolatedHost(IReadOnlyDictionary<string, string>? settings = null)
    {
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            Factory.ExtraSettings[key] = value;
        }
    }

    public MarketplaceFactory Factory { get; } = new();

    public void Dispose()
    {
        Factory.Dispose();
        GC.SuppressFinalize(this);
    }
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<MarketplaceFactory>
{
    public const string Name = "api";
}
