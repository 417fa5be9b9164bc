using Marketplace.Abstractions.Usage;
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
        Assert.Equal(new UsageTotals(2, 3.25 + 12.5, 0), await ledger.TotalsAsync("org_s", ["sandbox.trial"], DateTimeOffset.UnixEpoch, CancellationToken.None));
        Assert.Null(await ledger.FindAsync("trial_unknown", CancellationToken.None));
    }

    [Fact]
    public async Task A_generation_records_its_tokens_and_settles_to_the_tokens_it_generated()
    {
        await using var ledger = new RelationalUsageLedger(StorageHarness.Schema(await CreateDialectAsync()));
        var reserved = Event("gen_1", "org_g", 1) with { Kind = "sandbox.generation", InputTokens = 7, OutputTokens = 64 };

        await ledger.RecordAsync(reserved, CancellationToken.None);
        ledger.Settle("gen_1", 40, "CPU", outputTokens: 12);
        await ledger.RecordAsync(Event("trial_g", "org_g", 2), CancellationToken.None);

        Assert.Equal(reserved with { ComputeMs = 40, DeviceKind = "CPU", OutputTokens = 12 }, await ledger.FindAsync("gen_1", CancellationToken.None));
        Assert.Equal(new UsageTotals(2, 40 + 12.5, 19), await ledger.TotalsAsync("org_g", ["sandbox.trial", "sandbox.generation"], DateTimeOffset.UnixEpoch, CancellationToken.None));
        Assert.Equal(new UsageTotals(1, 40, 19), await ledger.TotalsAsync("org_g", ["sandbox.generation"], DateTimeOffset.UnixEpoch, CancellationToken.None));
    }

    [Fact]
    public async Task A_ledger_table_from_before_token_counts_gets_their_columns()
    {
        var dialect = await CreateDialectAsync();
        await using (var connection = await dialect.OpenAsync(CancellationToken.None))
        {
            await using var command = connection.CreateCommand();
            command.CommandText =
                "CREATE TABLE usage_events (id TEXT NOT NULL PRIMARY KEY, organization_id TEXT NOT NULL, kind TEXT NOT NULL, listing_id TEXT NOT NULL, " +
                "compute_ms REAL NOT NULL, device_kind TEXT NOT NULL, at TIMESTAMPTZ NOT NULL); " +
                "INSERT INTO usage_events VALUES ('old_1', 'org_o', 'sandbox.trial', 'lst_model', 5, 'CPU', '2026-11-29 12:00:00')";
            await command.ExecuteNonQueryAsync();
        }
        await using var ledger = new RelationalUsageLedger(StorageHarness.Schema(dialect));

        await ledger.RecordAsync(Event("new_1", "org_o", 1) with { InputTokens = 3, OutputTokens = 4 }, CancellationToken.None);

        Assert.Equal([(3, 4), (0, 0)], (await ledger.ListAsync("org_o", null, 10, CancellationToken.None)).OrderBy(e => e.Id, StringComparer.Ordinal).Select(e => (e.InputTokens, e.OutputTokens)));
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
        var (count, computeMs, _) = await ledger.TotalsAsync("org_busy", ["sandbox.trial"], DateTimeOffset.UnixEpoch, CancellationToken.None);
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
