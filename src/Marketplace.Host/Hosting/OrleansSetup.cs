using System.Net;
using Marketplace.Abstractions.Serialization;
using Marketplace.Grains;
using Marketplace.Grains.Sandbox;
using Orleans.Dashboard;
using Marketplace.Host.Configuration;
using Marketplace.Storage;
using Marketplace.Storage.Relational;
using Npgsql;
using Orleans.Configuration;
using Orleans.Serialization;
using StackExchange.Redis;

namespace Marketplace.Host.Hosting;

internal static class OrleansSetup
{
    /// <summary>Co-hosts the Orleans silo; the mode decides clustering, reminders, directory and state store.</summary>
    public static WebApplicationBuilder AddMarketplaceOrleans(this WebApplicationBuilder builder, MarketplaceOptions options)
    {
        builder.UseOrleans(silo =>
        {
            var cluster = options.Cluster;
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = cluster.ClusterId;
                o.ServiceId = cluster.ServiceId;
            });
            if (cluster.FastFailureDetection)
            {
                silo.Configure<ClusterMembershipOptions>(o =>
                {
                    o.ProbeTimeout = TimeSpan.FromSeconds(1);
                    o.NumMissedProbesLimit = 2;
                    o.TableRefreshTimeout = TimeSpan.FromSeconds(5);
                    o.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(15);
                    o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
                });
            }
            silo.Services.AddSerializer(serializer => serializer.AddMarketplaceSerialization());
            silo.AddReminders();
            silo.AddPlacementDirector<DevicePlacementStrategy, DevicePlacementDirector>();
            silo.AddDashboard();

            if (options.Mode == HostingMode.Embedded)
            {
                silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
                var database = Path.Combine(options.DataPath, "marketplace.db");
                silo.Services.AddRelationalGrainStorage(StorageNames.Default, _ => new SqliteDialect(database));
                silo.Services.AddRelationalReminders();
            }
            else
            {
                var redis = ConfigurationOptions.Parse(Required(builder.Configuration, "Redis"));
                silo.UseRedisClustering(o => o.ConfigurationOptions = redis);
                silo.UseRedisReminderService(o => o.ConfigurationOptions = redis);
                silo.UseRedisGrainDirectoryAsDefault(o => o.ConfigurationOptions = redis);
                var postgres = NpgsqlDataSource.Create(Required(builder.Configuration, "Postgres"));
                silo.Services.AddSingleton(postgres);
                silo.Services.AddRelationalGrainStorage(StorageNames.Default, _ => new PostgresDialect(postgres));
                if (cluster.AdvertisedAddress is { } advertised)
                {
                    silo.ConfigureEndpoints(IPAddress.Parse(advertised), cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: true);
                }
                else
                {
                    silo.ConfigureEndpoints(cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: true);
                }
            }
        });
        return builder;
    }

    private static string Required(IConfiguration configuration, string name) =>
        configuration.GetConnectionString(name)
        ?? throw new InvalidOperationException($"Cluster mode needs ConnectionStrings:{name}.");
}
