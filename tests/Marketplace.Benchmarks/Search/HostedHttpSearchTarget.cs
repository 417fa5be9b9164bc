using Marketplace.Domain.Catalog;
using Marketplace.Application.Catalog.Search;
using Marketplace.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Marketplace.Benchmarks.Search;

/// <summary>
/// The real host (Kestrel on a loopback port, the whole pipeline: routing, authentication,
/// mediator behaviours, JSON) holding the same generated catalog in its search index, measured
/// over HTTP by <see cref="HttpSearchTarget"/>. Server and client share this machine's cores.
/// </summary>
public sealed class HostedHttpSearchTarget : ISearchTarget
{
    private readonly HostFactory _factory;
    private readonly HttpSearchTarget _http;

    private HostedHttpSearchTarget(HostFactory factory, HttpSearchTarget http)
    {
        _factory = factory;
        _http = http;
    }

    public string Name => "host over HTTP (Kestrel, loopback)";

    public static async Task<HostedHttpSearchTarget> StartAsync(IReadOnlyList<CatalogEntry> entries)
    {
        var factory = new HostFactory();
        factory.UseKestrel(FreePort.Next());
        factory.StartServer();
        var synchronizer = factory.Services.GetRequiredService<CatalogIndexSynchronizer>();
        // The first full load from the (empty) catalog shards must be over before ours goes in.
        await synchronizer.Ready;
        factory.Services.GetRequiredService<CatalogSearchIndex>().Index.ReplaceAll(entries);
        var baseUrl = new Uri(factory.ClientOptions.BaseAddress.ToString().TrimEnd('/') + "/");
        return new HostedHttpSearchTarget(factory, new HttpSearchTarget(baseUrl));
    }

    public Task<TargetRun> RunAsync(BenchQuery query, CancellationToken cancellationToken) => _http.RunAsync(query, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _http.DisposeAsync();
        await _factory.DisposeAsync();
    }

    // Any type of the host assembly names its entry point; "Program" would clash with this app's own.
    private sealed class HostFactory : WebApplicationFactory<Marketplace.Host.Hosting.InferenceSettings>
    {
        private readonly TempDirectory _data = new("bench-host");

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Marketplace:DataPath", _data.Path);
            builder.UseSetting("Marketplace:Seed:Enabled", "false");
            builder.UseSetting("Marketplace:Demo:Enabled", "false");
            builder.UseSetting("Marketplace:Cluster:SiloPort", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Marketplace:Cluster:GatewayPort", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        }

        protected override IHost CreateHost(IHostBuilder builder)
        {
            // This app is not the host's test project, so the factory cannot guess the content root.
            builder.UseContentRoot(Path.Combine(RepositoryPaths.Root, "src", "Marketplace.Host"));
            return base.CreateHost(builder);
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            _data.Dispose();
        }
    }
}
