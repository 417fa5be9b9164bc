using System.Net.Http.Json;
using Marketplace.Testing;

namespace Marketplace.Inference.Benchmarks;

/// <summary>
/// Starts the real host (its own process, embedded mode, a fresh data folder, the seed catalog with
/// all-MiniLM-L6-v2) and lifts the benchmark organisation's sandbox quota (trials and generation
/// tokens), so the trial and generation endpoints can be measured over HTTP in the same run as raw ONNX Runtime.
/// </summary>
internal sealed class HostedTrialEndpoint : IAsyncDisposable
{
    public const string AdminKey = "inference-benchmark-admin-key";

    private readonly TempDirectory _data;
    private readonly HostProcess _host;

    private HostedTrialEndpoint(TempDirectory data, HostProcess host)
    {
        _data = data;
        _host = host;
    }

    public Uri BaseUrl => _host.Http.BaseAddress!;

    /// <summary>A client with the operator's key and room for long uploads and validations.</summary>
    public HttpClient Admin()
    {
        var client = _host.ClientWithKey(AdminKey);
        client.Timeout = TimeSpan.FromMinutes(10);
        return client;
    }

    public static async Task<HostedTrialEndpoint> StartAsync(IReadOnlyDictionary<string, string>? extraSettings = null)
    {
        var data = new TempDirectory("inference-bench");
        var host = new HostProcess(new Dictionary<string, string>
        {
            ["Marketplace:DataPath"] = data.Path,
            ["Marketplace:Bootstrap:AdminApiKey"] = AdminKey,
            ["Marketplace:Demo:Enabled"] = "false",
            // Its own benchmarks would compete for the cores with this one.
            ["Marketplace:Sandbox:BenchmarkOnUpload"] = "false",
            ["Marketplace:Cluster:SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Marketplace:Cluster:GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
        }.Concat(extraSettings ?? new Dictionary<string, string>()).ToDictionary());
        await host.StartAsync(TimeSpan.FromMinutes(3));
        using var admin = host.ClientWithKey(AdminKey);
        using var quota = await admin.PutAsJsonAsync("/api/v1/admin/organizations/org_operator/sandbox-quota",
            new { dailyTrials = 10_000_000, dailyComputeSeconds = 10_000_000, trialsPerSecond = 10_000, burst = 100_000, dailyGenerationTokens = 10_000_000_000 });
        quota.EnsureSuccessStatusCode();
        return new HostedTrialEndpoint(data, host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        await _host.DisposeAsync();
        _data.Dispose();
    }
}
