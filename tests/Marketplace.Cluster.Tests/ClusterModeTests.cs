using System.Globalization;
using System.Text.Json.Nodes;
using Marketplace.Testing;

namespace Marketplace.Cluster.Tests;

[Collection(ClusterCollection.Name)]
public sealed class ClusterModeTests(ClusterFixture cluster)
{
    private const string AdminKey = "cluster-admin-key-7";

    private static Dictionary<string, string> Settings(ClusterFixture cluster, string clusterId, string postgres, bool seed = false) => new()
    {
        ["Marketplace:Seed:Enabled"] = seed ? "true" : "false",
        ["Marketplace:Mode"] = "Cluster",
        ["Marketplace:Cluster:ClusterId"] = clusterId,
        ["Marketplace:Cluster:ServiceId"] = clusterId,
        ["Marketplace:Cluster:SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
        ["Marketplace:Cluster:GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
        ["Marketplace:Cluster:AdvertisedAddress"] = "127.0.0.1",
        ["Marketplace:Cluster:FastFailureDetection"] = "true",
        ["Marketplace:Bootstrap:AdminApiKey"] = AdminKey,
        ["ConnectionStrings:Redis"] = cluster.Redis.ConnectionString,
        ["ConnectionStrings:Postgres"] = postgres,
    };

    private static async Task<int> ActiveSilosAsync(HostProcess host)
    {
        var info = JsonNode.Parse(await host.ClientWithKey(AdminKey).GetStringAsync("/api/v1/system/info"))!;
        Assert.Equal("Cluster", info["mode"]!.GetValue<string>());
        return info["silos"]!.AsArray().Count(s => s!["status"]!.GetValue<string>() == "Active");
    }

    [Fact]
    public async Task Two_hosts_form_one_cluster_and_share_state()
    {
        var clusterId = "c" + Guid.NewGuid().ToString("N")[..8];
        var postgres = await cluster.Postgres.CreateDatabaseAsync();
        await using var a = new HostProcess(Settings(cluster, clusterId, postgres));
        await using var b = new HostProcess(Settings(cluster, clusterId, postgres));
        await Task.WhenAll(a.StartAsync(), b.StartAsync());

        foreach (var host in new[] { a, b })
        {
            await HostApi.EventuallyAsync(() => ActiveSilosAsync(host), n => n == 2, TimeSpan.FromSeconds(60), "two active silos");
        }
        var created = await a.ClientWithKey(AdminKey).CreateOrganizationAsync("Cluster Co", "Partner");
        var id = created["id"]!.GetValue<string>();
        var read = await b.ClientWithKey(AdminKey).GetOrganizationAsync(id);

        Assert.Equal("Cluster Co", read?["name"]?.GetValue<string>());
        Assert.Equal("Partner", read?["type"]?.GetValue<string>());

        // A key issued through one host authenticates on the other.
        using var issued = await b.ClientWithKey(AdminKey).PostAsync(
            $"/api/v1/admin/organizations/{id}/api-keys",
            new StringContent("""{"name":"ci","role":"Owner"}""", System.Text.Encoding.UTF8, "application/json"));
        var key = JsonNode.Parse(await issued.Content.ReadAsStringAsync())!["key"]!.GetValue<string>();
        var me = JsonNode.Parse(await a.ClientWithKey(key).GetStringAsync("/api/v1/me"))!;
        Assert.Equal(id, me["caller"]!["organizationId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Writes_acknowledged_by_a_killed_host_are_served_by_the_survivor()
    {
        var clusterId = "c" + Guid.NewGuid().ToString("N")[..8];
        var postgres = await cluster.Postgres.CreateDatabaseAsync();
        await using var a = new HostProcess(Settings(cluster, clusterId, postgres));
        await using var b = new HostProcess(Settings(cluster, clusterId, postgres));
        await Task.WhenAll(a.StartAsync(), b.StartAsync());
        await HostApi.EventuallyAsync(() => ActiveSilosAsync(b), n => n == 2, TimeSpan.FromSeconds(60), "two active silos");
        var admin = a.ClientWithKey(AdminKey);
        var ids = (await Task.WhenAll(Enumerable.Range(0, 10).Select(i => admin.CreateOrganizationAsync($"Survivor {i}"))))
            .Select(o => o["id"]!.GetValue<string>())
            .ToList();

        await a.KillAsync();

        await HostApi.EventuallyAsync(() => ActiveSilosAsync(b), n => n == 1, TimeSpan.FromSeconds(60), "the dead silo leaving");
        foreach (var id in ids)
        {
            var read = await HostApi.EventuallyAsync(
                () => b.ClientWithKey(AdminKey).GetOrganizationAsync(id), o => o is not null, TimeSpan.FromSeconds(30), $"{id} readable");
            Assert.NotNull(read);
        }
    }

    [Fact]
    public async Task A_listing_published_and_industries_reloaded_through_one_host_reach_the_other_within_a_second()
    {
        var clusterId = "c" + Guid.NewGuid().ToString("N")[..8];
        var postgres = await cluster.Postgres.CreateDatabaseAsync();
        // A copy of the seed catalog the test edits before reloading it.
        using var catalog = new TempDirectory("cluster-catalog");
        CopyFolder(Path.Combine(RepositoryPaths.Root, "catalog"), catalog.Path);
        Dictionary<string, string> Seeded() => new(Settings(cluster, clusterId, postgres, seed: true)) { ["Marketplace:CatalogPath"] = catalog.Path };
        await using var a = new HostProcess(Seeded());
        await using var b = new HostProcess(Seeded());
        await Task.WhenAll(a.StartAsync(), b.StartAsync());
        await HostApi.EventuallyAsync(() => ActiveSilosAsync(b), n => n == 2, TimeSpan.FromSeconds(60), "two active silos");
        var admin = a.ClientWithKey(AdminKey);
        var partner = (await admin.CreateOrganizationAsync("Propagation Partner", "Partner"))["id"]!.GetValue<string>();
        var owner = a.ClientWithKey(await HostRequests.IssueKeyAsync(admin, partner, "Owner"));
        await HostRequests.OnboardPartnerAsync(owner, admin, partner, "Integrator");
        var name = "Propagation Test " + Guid.NewGuid().ToString("N")[..6];
        var listing = await HostApi.CreateIntegratorListingAsync(owner, partner, name);
        await HostRequests.SendOkAsync(owner, HttpMethod.Post, $"/api/v1/listings/{listing}/submit");

        await HostRequests.SendOkAsync(admin, HttpMethod.Post, $"/api/v1/admin/listings/{listing}/approve", """{"note":"ok"}""");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var total = 0;
        while (watch.Elapsed < TimeSpan.FromSeconds(1) && total == 0)
        {
            total = JsonNode.Parse(await b.Http.GetStringAsync($"/api/v1/catalog/search?q={Uri.EscapeDataString(name)}"))!["total"]!.GetValue<int>();
        }

        Assert.True(total == 1, $"not searchable on the other host after {watch.ElapsedMilliseconds} ms");
        // The seed catalog was applied once, although both hosts started together.
        var seeded = JsonNode.Parse(await b.Http.GetStringAsync("/api/v1/catalog/search?pageSize=1"))!;
        Assert.Equal(35, seeded["total"]!.GetValue<int>());

        // Every silo advertises its devices, and a trial sent to either host runs on the cluster's sandbox.
        var info = JsonNode.Parse(await b.ClientWithKey(AdminKey).GetStringAsync("/api/v1/system/info"))!;
        // Every silo has its CPU (a GPU too, on a machine with one); the trial ran on a device some silo advertises.
        Assert.All(info["silos"]!.AsArray(), silo => Assert.Contains(silo!["devices"]!.AsArray(), d => d!["kind"]!.GetValue<string>() == "CPU"));
        var trial = JsonNode.Parse(await HostRequests.SendOkAsync(b.ClientWithKey(AdminKey), HttpMethod.Post,
            "/api/v1/sandbox/models/lst_all-minilm-l6-v2/trials", """{"texts":["a cluster-wide sandbox"]}"""))!;
        Assert.Equal(384, trial["outputs"]!["embeddings"]![0]!.AsArray().Count);
        Assert.Contains(info["devices"]!.AsArray(), d => d!["id"]!.GetValue<string>() == trial["device"]!.GetValue<string>()
            && d["kind"]!.GetValue<string>() == trial["deviceKind"]!.GetValue<string>());

        // An operator reloads the catalog with a new industry through one host; the other lists it within a second.
        // The new line first: the seed file need not end with one.
        await File.AppendAllTextAsync(Path.Combine(catalog.Path, "industries.yaml"), """

            - id: logistics
              name: Logistics
              description: Carriers and warehouses routing parcels and planning loads.
              scenarios:
                - id: log-parcel-routing
                  name: Parcel label reading
                  description: Read parcel labels from conveyor cameras and route each parcel.
                  task: image-classification
                  modality: image
                  typicalRequestsPerSecond: 40
                  latencyTargetMs: 100
                  deployment: Private
                  dataRules: Label images stay in the warehouse.

            """);
        await HostRequests.SendOkAsync(a.ClientWithKey(AdminKey), HttpMethod.Post, "/api/v1/admin/catalog/reload");
        var reloaded = System.Diagnostics.Stopwatch.StartNew();
        var listed = false;
        while (reloaded.Elapsed < TimeSpan.FromSeconds(1) && !listed)
        {
            listed = JsonNode.Parse(await b.Http.GetStringAsync("/api/v1/catalog/industries"))!.AsArray().Any(i => i!["id"]!.GetValue<string>() == "logistics");
        }
        Assert.True(listed, $"the reloaded industry is not listed on the other host after {reloaded.ElapsedMilliseconds} ms");
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
