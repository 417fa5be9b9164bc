using Marketplace.Abstractions.Billing;
using Marketplace.Domain.Billing;
using Marketplace.Storage.Billing;
using Marketplace.Storage.Relational;

namespace Marketplace.Storage.Tests;

public abstract class JournalStoreContract
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    protected abstract Task<ISqlDialect> CreateDialectAsync();

    private static JournalEntry Entry(string key, long amount, string currency = "USD") => new(
        JournalEntry.IdFor(key), key, currency, At, $"invoice {key}",
        [Posting.Debit(Account.CustomerReceivable("org_c"), amount), Posting.Credit(Account.PartnerPending("org_p"), amount - 10), Posting.Credit(Account.PlatformRevenue, 10)]);

    [Fact]
    public async Task Entries_read_back_in_posting_order_with_every_posting()
    {
        var store = new RelationalJournalStore(StorageHarness.Schema(await CreateDialectAsync()));

        Assert.Null(await store.AppendAsync(Entry("a", 1_000), 0, CancellationToken.None));
        Assert.Null(await store.AppendAsync(Entry("b", 2_000), 1, CancellationToken.None));
        Assert.Null(await store.AppendAsync(Entry("y", 5_000, "JPY"), 0, CancellationToken.None));

        var usd = await store.LoadAsync("USD", CancellationToken.None);
        Assert.Equal(["a", "b"], usd.Select(e => e.IdempotencyKey));
        Assert.True(usd[1].SameMoneyAs(Entry("b", 2_000)));
        Assert.Equal(At, usd[0].OccurredAt);
        Assert.Equal("invoice a", usd[0].Description);
        Assert.Single(await store.LoadAsync("JPY", CancellationToken.None));
    }

    [Fact]
    public async Task A_retried_key_answers_the_stored_entry_and_writes_nothing()
    {
        var store = new RelationalJournalStore(StorageHarness.Schema(await CreateDialectAsync()));
        await store.AppendAsync(Entry("k", 1_000), 0, CancellationToken.None);

        var again = await store.AppendAsync(Entry("k", 9_999), 1, CancellationToken.None);

        Assert.NotNull(again);
        Assert.True(again.SameMoneyAs(Entry("k", 1_000)));
        Assert.Single(await store.LoadAsync("USD", CancellationToken.None));
    }

    [Fact]
    public async Task Concurrent_retries_of_one_key_store_it_once()
    {
        var store = new RelationalJournalStore(StorageHarness.Schema(await CreateDialectAsync()));
        await store.LoadAsync("USD", CancellationToken.None);

        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => store.AppendAsync(Entry("same", 1_000), 0, CancellationToken.None))));

        Assert.Single(answers, a => a is null);
        Assert.Single(await store.LoadAsync("USD", CancellationToken.None));
    }

    [Fact]
    public async Task A_second_writer_at_a_taken_position_is_refused()
    {
        var store = new RelationalJournalStore(StorageHarness.Schema(await CreateDialectAsync()));
        await store.AppendAsync(Entry("first", 1_000), 0, CancellationToken.None);

        await Assert.ThrowsAsync<JournalPositionTakenException>(() => store.AppendAsync(Entry("second", 2_000), 0, CancellationToken.None));
        Assert.Equal(["first"], (await store.LoadAsync("USD", CancellationToken.None)).Select(e => e.IdempotencyKey));
    }
}

public sealed class SqliteJournalStoreTests : JournalStoreContract, IDisposable
{
    private readonly Testing.TempDirectory _directory = new("journal");

    protected override Task<ISqlDialect> CreateDialectAsync() =>
        Task.FromResult<ISqlDialect>(new SqliteDialect(Path.Combine(_directory.Path, Guid.NewGuid().ToString("N") + ".db")));

    public void Dispose() => _directory.Dispose();
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresJournalStoreTests(PostgresFixture postgres) : JournalStoreContract
{
    protected override async Task<ISqlDialect> CreateDialectAsync() =>
        new PostgresDialect(Npgsql.NpgsqlDataSource.Create(await postgres.Server.CreateDatabaseAsync()));
}
