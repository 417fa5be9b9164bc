using Marketplace.Storage.Relational;
using Npgsql;

namespace Marketplace.Storage.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PostgresGrainStorageTests(PostgresFixture postgres) : GrainStorageContract
{
    protected override async Task<ISqlDialect> CreateDialectAsync() =>
        new PostgresDialect(NpgsqlDataSource.Create(await postgres.Server.CreateDatabaseAsync()));

    [Fact]
    public async Task Many_silos_creating_the_schema_at_once_all_succeed()
    {
        var connectionString = await postgres.Server.CreateDatabaseAsync();

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            StorageHarness.Schema(new PostgresDialect(NpgsqlDataSource.Create(connectionString))).EnsureAsync(CancellationToken.None)));

        await using var source = NpgsqlDataSource.Create(connectionString);
        await using var command = source.CreateCommand("SELECT count(*) FROM grain_state");
        Assert.Equal(0L, await command.ExecuteScalarAsync());
    }
}
