using Marketplace.Domain.Sandbox;
using Marketplace.Storage.Relational;
using Marketplace.Storage.Usage;

namespace Marketplace.Storage.Tests;

public abstract class UsageLedgerContract
{
    protected abstract Task<ISqlDialect> CreateDialectAsync();

    private static UsageEvent Event(string id, string organization, int minute) =>
        new(id, organization, "sandbox.trial", "lst_model", 12.5, "CPU", new DateTimeOffset(2026, 11, 29, 12, minute, 0, TimeSpan.Zero));

    [Fact]
    public async Task Records_an_event_once_whatever_the_retries()
    {
        var ledger = new RelationalUsageLedger(StorageHarness.Schema(await CreateDialectAsync()));

        var first = await ledger.RecordAsync(Event("trial_1", "org_a", 1), CancellationToken.None);
        var retry = await ledger.RecordAsync(Event("trial_1", "org_a", 1), CancellationToken.None);

        Assert.True(first);
        Assert.False(retry);
        Assert.Single(await ledger.ListAsync("org_a", null, 100, CancellationToken.None));
        Assert.Equal(Event("trial_1", "org_a", 1), await ledger.FindAsync("trial_1", CancellationToken.None));
        Assert.Null(await ledger.FindAsync("trial_2", CancellationToken.None));
    }

    [Fact]
    public async Task A_settlement_replaces_the_reserved_compute_and_device_once_the_row_is_written()
    {
        await using var ledger = new RelationalUsageLedger(StorageHarness.Schema(await CreateDialectAsync()));
        var reserved = Event("trial_s", "org_s", 1) with { ComputeMs = 400, DeviceKind = "CUDA" };

        // Settled once its row is written, as a trial does; a later record's commit carries it.
        await ledger.RecordAsync(reserved, CancellationToken.None);
        ledger.Settle("trial_s", 3.25, "CPU");
        ledger.Settle("trial_unknown", 1, "CPU");
        await ledger.RecordAsync(Event("trial_t", "org_s", 2), CancellationToken.None);

        Assert.Equal(reserved with { ComputeMs = 3.25, DeviceKind = "CPU" }, await ledger.FindAsync("trial_s", CancellationToken.None));
        Assert.Equal((2, 3.25 + 12.5), await ledger.TotalsAsync("org_s", "sandbox.trial", DateTimeOffset.UnixEpoch, CancellationToken.None));
        Assert.Null(await ledger.FindAsync("trial_unknown", CancellationToken.None));
    }

    [Fact]
    public async Task Concurrent_records_are_each_written_once_and_answered_truthfully()
    {
        await using var ledger = new RelationalUsageLedger(StorageHarness.Schema(await CreateDialectAsync()));

        // 300 distinct trials, each also retried once, all at the same moment.
        var results = await Task.WhenAll(Enumerable.Range(0, 600).Select(i =>
            Task.Run(() => ledger.RecordAsync(Event($"trial_{i % 300}", "org_busy", i % 60), CancellationToken.None))));

        Assert.Equal(300, results.Count(inserted => inserted));
        Assert.Equal(300, (await ledger.ListAsync("org_busy", null, 1000, CancellationToken.None)).Count);
        var (count, computeMs) = await ledger.TotalsAsync("org_busy", "sandbox.trial", DateTimeOffset.UnixEpoch, CancellationToken.None);
        Assert.Equal(300, count);
        Assert.Equal(300 * 12.5, computeMs, precision: 6);
    }

    [Fact]
    public async Task Lists_an_organisations_events_newest_first_from_a_time_on()
    {
        var ledger = new RelationalUsageLedger(StorageHarness.Schema(await CreateDialectAsync()));
        foreach (var (id, org, minute) in new[] { ("t1", "org_a", 1), ("t2", "org_a", 3), ("t3", "org_b", 2), ("t4", "org_a", 5) })
        {
            await ledger.RecordAsync(Event(id, org, minute), CancellationToken.None);
        }

        var all = await ledger.ListAsync("org_a", null, 100, CancellationToken.None);
        var since = await ledger.ListAsync("org_a", new DateTimeOffset(2026, 11, 29, 12, 3, 0, TimeSpan.Zero), 100, CancellationToken.None);

        Assert.Equal(["t4", "t2", "t1"], all.Select(e => e.Id));
        Assert.Equal(["t4", "t2"], since.Select(e => e.Id));
        Assert.Equal(Event("t4", "org_a", 5), all[0]);
    }
}

public sealed class SqliteUsageLedgerTests : UsageLedgerContract, IDisposable
{
    private readonly Testing.TempDirectory _directory = new("ledger");

    protected override Task<ISqlDialect> CreateDialectAsync() =>
        Task.FromResult<ISqlDialect>(new SqliteDialect(Path.Combine(_directory.Path, Guid.NewGuid().ToString("N") + ".db")));

    public void Dispose() => _directory.Dispose();
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresUsageLedgerTests(PostgresFixture postgres) : UsageLedgerContract
{
    protected override async Task<ISqlDialect> CreateDialectAsync() =>
        new PostgresDialect(Npgsql.NpgsqlDataSource.Create(await postgres.Server.CreateDatabaseAsync()));
}
