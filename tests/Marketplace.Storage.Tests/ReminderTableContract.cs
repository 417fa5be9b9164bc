using Marketplace.Storage.Reminders;
using Marketplace.Storage.Relational;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Marketplace.Storage.Tests;

public abstract class ReminderTableContract
{
    protected abstract Task<ISqlDialect> CreateDialectAsync();

    private async Task<RelationalReminderTable> CreateTableAsync()
    {
        var table = new RelationalReminderTable(StorageHarness.Schema(await CreateDialectAsync()), Options.Create(new ClusterOptions { ServiceId = "svc" }));
        await table.StartAsync(CancellationToken.None);
        return table;
    }

    private static ReminderEntry Entry(GrainId grain, string name, int periodMinutes = 5) => new()
    {
        GrainId = grain,
        ReminderName = name,
        StartAt = new DateTime(2026, 11, 29, 12, 0, 0, DateTimeKind.Utc),
        Period = TimeSpan.FromMinutes(periodMinutes),
    };

    [Fact]
    public async Task Upserts_reads_and_removes_with_etag_checks()
    {
        var table = await CreateTableAsync();
        var grain = GrainId.Create("test", "g1");

        var etag1 = await table.UpsertRow(Entry(grain, "tick"));
        var etag2 = await table.UpsertRow(Entry(grain, "tick", periodMinutes: 7));
        var row = await table.ReadRow(grain, "tick");

        Assert.NotNull(row);
        Assert.Equal(TimeSpan.FromMinutes(7), row.Period);
        Assert.Equal(new DateTime(2026, 11, 29, 12, 0, 0, DateTimeKind.Utc), row.StartAt);
        Assert.Equal(etag2, row.ETag);
        Assert.False(await table.RemoveRow(grain, "tick", etag1!));
        Assert.True(await table.RemoveRow(grain, "tick", etag2!));
        Assert.Null(await table.ReadRow(grain, "tick"));
    }

    [Fact]
    public async Task Reads_rows_by_grain_and_by_hash_range_including_a_wrapped_range()
    {
        var table = await CreateTableAsync();
        var grains = Enumerable.Range(0, 40).Select(i => GrainId.Create("test", "r" + i)).ToList();
        foreach (var grain in grains)
        {
            await table.UpsertRow(Entry(grain, "a"));
        }
        await table.UpsertRow(Entry(grains[0], "b"));

        Assert.Equal(2, (await table.ReadRows(grains[0])).Reminders.Count);
        var hashes = grains.Select(g => g.GetUniformHashCode()).OrderBy(h => h).ToList();
        var begin = hashes[10];
        var end = hashes[30];
        var inside = (await table.ReadRows(begin, end)).Reminders.Select(r => r.GrainId.GetUniformHashCode()).ToList();
        var wrapped = (await table.ReadRows(end, begin)).Reminders.Select(r => r.GrainId.GetUniformHashCode()).ToList();

        Assert.All(inside, h => Assert.True(h > begin && h <= end));
        Assert.Equal(grains.Count(g => g.GetUniformHashCode() > begin && g.GetUniformHashCode() <= end), inside.Distinct().Count());
        Assert.All(wrapped, h => Assert.True(h > end || h <= begin));
        Assert.Equal(41, inside.Count + wrapped.Count);
    }
}

public sealed class SqliteReminderTableTests : ReminderTableContract, IDisposable
{
    private readonly Testing.TempDirectory _directory = new("sqlite-reminders");

    protected override Task<ISqlDialect> CreateDialectAsync() =>
        Task.FromResult<ISqlDialect>(new SqliteDialect(Path.Combine(_directory.Path, Guid.NewGuid().ToString("N") + ".db")));

    public void Dispose() => _directory.Dispose();
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresReminderTableTests(PostgresFixture postgres) : ReminderTableContract
{
    protected override async Task<ISqlDialect> CreateDialectAsync() =>
        new PostgresDialect(Npgsql.NpgsqlDataSource.Create(await postgres.Server.CreateDatabaseAsync()));
}
