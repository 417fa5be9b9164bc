using Marketplace.Abstractions.Serialization;
using Marketplace.Abstractions.Usage;
using Marketplace.Domain.Sandbox;
using Marketplace.Storage;
using Marketplace.Storage.Relational;
using Marketplace.Storage.Usage;
using Marketplace.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Serialization;
using Orleans.TestingHost;

namespace Marketplace.Grains.Tests;

/// <summary>
/// Two in-process silos on one SQLite database (the real storage provider), a fake clock shared by
/// both, and a client; calls from the client cross the wire, so serialization is exercised too.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private readonly TempDirectory _data = new("grains");

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));

    public InProcessTestCluster Cluster { get; private set; } = null!;

    /// <summary>The usage ledger the silos read, opened on the same database from outside.</summary>
    public IUsageLedger Ledger { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        var database = Path.Combine(_data.Path, "grains.db");
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSerializer(s => s.AddMarketplaceSerialization());
            silo.Services.AddSingleton<TimeProvider>(Time);
            silo.Services.AddRelationalGrainStorage(StorageNames.Default, _ => new SqliteDialect(database));
            silo.Services.AddSingleton(QuotaPolicy.Default);
            silo.UseInMemoryReminderService();
        });
        builder.ConfigureClient(client => client.Services.AddSerializer(s => s.AddMarketplaceSerialization()));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
        Ledger = new RelationalUsageLedger(new RelationalSchema(new SqliteDialect(database)));
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        _data.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
