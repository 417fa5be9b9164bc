using System.Net;
using System.Text.RegularExpressions;
using Marketplace.Testing;

namespace Marketplace.Cluster.Tests;

/// <summary>The embedded default, as a user runs it: one process on a SQLite data folder.</summary>
public sealed partial class EmbeddedDurabilityTests : IDisposable
{
    private const string AdminKey = "durability-admin-key-42";
    private readonly TempDirectory _data = new("embedded");

    private HostProcess NewHost() => new(new Dictionary<string, string>
    {
        ["Marketplace:DataPath"] = _data.Path,
        ["Marketplace:Bootstrap:AdminApiKey"] = AdminKey,
        // Durability is about what the API wrote; the seed catalog would only slow the restarts.
        ["Marketplace:Seed:Enabled"] = "false",
        ["Marketplace:Cluster:SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Marketplace:Cluster:GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    [Fact]
    public async Task An_organization_survives_a_graceful_restart()
    {
        string id;
        await using (var first = NewHost())
        {
            await first.StartAsync();
            id = (await first.ClientWithKey(AdminKey).CreateOrganizationAsync("Restart Ltd"))["id"]!.GetValue<string>();
            await first.StopAsync();
        }

        await using var second = NewHost();
        await second.StartAsync();

        var read = await second.ClientWithKey(AdminKey).GetOrganizationAsync(id);
        Assert.Equal("Restart Ltd", read?["name"]?.GetValue<string>());
    }

    [Fact]
    public async Task Every_acknowledged_organization_survives_kill_9()
    {
        List<string> ids;
        await using (var first = NewHost())
        {
            await first.StartAsync();
            var admin = first.ClientWithKey(AdminKey);
            var created = await Task.WhenAll(Enumerable.Range(0, 25).Select(i => admin.CreateOrganizationAsync($"Crash {i}")));
            ids = created.Select(o => o["id"]!.GetValue<string>()).ToList();
            // SIGKILL right after the last acknowledgement: no shutdown hook, no flush.
            await first.KillAsync();
        }

        await using var second = NewHost();
        await second.StartAsync();

        var admin2 = second.ClientWithKey(AdminKey);
        foreach (var id in ids)
        {
            Assert.NotNull(await admin2.GetOrganizationAsync(id));
        }
    }

    [Fact]
    public async Task The_bootstrap_admin_key_is_ensured_once_across_restarts()
    {
        for (var run = 0; run < 2; run++)
        {
            await using var host = NewHost();
            await host.StartAsync();
            var keys = await host.ClientWithKey(AdminKey).GetStringAsync("/api/v1/organizations/org_operator/api-keys");
            Assert.Single(BootstrapKeyName().Matches(keys));
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task The_portal_renders_fully_in_production_from_build_output()
    {
        await using var host = NewHost();
        await host.StartAsync();

        var html = await host.Http.GetStringAsync("/");

        Assert.Contains("mud-layout", html);
        foreach (Match asset in AssetReference().Matches(html))
        {
            using var response = await host.Http.GetAsync("/" + asset.Groups[1].Value);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset.Groups[1].Value}: {(int)response.StatusCode}");
        }
        Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync("/_framework/blazor.web.js")).StatusCode);
        Assert.Matches(AssetReference(), html);
    }

    public void Dispose() => _data.Dispose();

    [GeneratedRegex("\"name\":\"bootstrap-admin\"")]
    private static partial Regex BootstrapKeyName();

    [GeneratedRegex("(?:href|src)=\"(_content/[^\"]+)\"")]
    private static partial Regex AssetReference();
}
