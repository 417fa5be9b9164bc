using Marketplace.Storage.Relational;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Marketplace.Storage.Tests;

/// <summary>Builds the storage provider outside a silo, with Orleans' real serializer.</summary>
internal static class StorageHarness
{
    private static readonly ServiceProvider Services = new ServiceCollection().AddSerializer().BuildServiceProvider();

    public static RelationalGrainStorage Create(ISqlDialect dialect) => new(
        "test",
        new RelationalSchema(dialect),
        new OrleansGrainStorageSerializer(Services.GetRequiredService<Serializer>()),
        Services.GetRequiredService<IActivatorProvider>(),
        TimeProvider.System,
        NullLogger<RelationalGrainStorage>.Instance);

    public static RelationalSchema Schema(ISqlDialect dialect) => new(dialect);
}
