using Marketplace.Abstractions.Billing;
using Marketplace.Storage.Billing;
using Marketplace.Storage.Relational;

namespace Marketplace.Storage.Tests;

public abstract class MeteredUsageStoreContract
{
    private static readonly DateTimeOffset Day = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    protected abstract Task<ISqlDialect> CreateDialectAsync();

    private async Task<RelationalMeteredUsageStore> StoreAsync() => new(StorageHarness.Schema(await CreateDialectAsync()));

    private static MeteredUsage Usage(string eventId, long quantity, DateTimeOffset at, string order = "ord_a", string line = "ord_a.2", string listing = "lst_m") =>
        new(order, eventId, line, listing, "inference", quantity, at, at.AddMinutes(1), "api-key k of org_c");

    [Fact]
    public async Task A_batch_answers_which_records_are_new_and_resends_are_not_counted_again()
    {
        var store = await StoreAsync();
        var first = Enumerable.Range(0, 450).Select(i => Usage($"e{i}", 2, Day.AddMinutes(i))).ToList();

        var recorded = await store.AppendAsync(first, CancellationToken.None);
        var resent = await store.AppendAsync([.. first.Take(10), Usage("e450", 5, Day), Usage("e0", 1_000, Day)], CancellationToken.None);

        Assert.All(recorded, Assert.True);
        Assert.Equal([.. Enumerable.Repeat(false, 10), true, false], resent);
        Assert.Equal(905, (await store.QuantitiesAsync("ord_a", Day, Day.AddDays(1), CancellationToken.None))["ord_a.2"]);
    }

    [Fact]
    public async Task A_record_repeated_within_a_batch_is_recorded_at_its_first_occurrence_and_other_orders_keep_their_own_ids()
    {
        var store = await StoreAsync();

        var recorded = await store.AppendAsync([Usage("x", 1, Day), Usage("x", 1, Day), Usage("x", 3, Day, order: "ord_b", line: "ord_b.1")], CancellationToken.None);

        Assert.Equal([true, false, true], recorded);
        Assert.Equal(1, (await store.QuantitiesAsync("ord_a", Day, Day.AddDays(1), CancellationToken.None))["ord_a.2"]);
        Assert.Equal(3, (await store.QuantitiesAsync("ord_b", Day, Day.AddDays(1), CancellationToken.None))["ord_b.1"]);
        Assert.Equal(["x"], await store.ExistingAsync("ord_b", ["x", "y"], CancellationToken.None));
    }

    [Fact]
    public async Task Quantities_sum_per_line_within_the_window_only()
    {
        var store = await StoreAsync();
        await store.AppendAsync(
        [
            Usage("before", 100, Day.AddTicks(-TimeSpan.TicksPerMillisecond)), Usage("start", 1, Day), Usage("other-line", 7, Day.AddHours(1), line: "ord_a.3"),
            Usage("end", 1_000, Day.AddDays(1)),
        ], CancellationToken.None);

        var quantities = await store.QuantitiesAsync("ord_a", Day, Day.AddDays(1), CancellationToken.None);

        Assert.Equal(new Dictionary<string, long> { ["ord_a.2"] = 1, ["ord_a.3"] = 7 }, quantities);
    }

    [Fact]
    public async Task Concurrent_resends_of_one_batch_record_each_event_once()
    {
        var store = await StoreAsync();
        var batch = Enumerable.Range(0, 100).Select(i => Usage($"c{i}", 1, Day.AddSeconds(i))).ToList();
        await store.QuantitiesAsync("ord_a", Day, Day, CancellationToken.None);

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => store.AppendAsync(batch, CancellationToken.None))));

        Assert.Equal(100, answers.Sum(a => a.Count(recorded => recorded)));
        Assert.Equal(100, (await store.QuantitiesAsync("ord_a", Day, Day.AddDays(1), CancellationToken.None))["ord_a.2"]);
    }

    [Fact]
    public async Task Usage_by_listing_is_summed_per_day_and_unit()
    {
        var store = await StoreAsync();
        await store.AppendAsync([Usage("a", 5, Day.AddHours(1)), Usage("b", 6, Day.AddHours(23)), Usage("c", 7, Day.AddDays(1), order: "ord_b", line: "ord_b.1"), Usage("d", 1, Day.AddHours(2), listing: "lst_n")], CancellationToken.None);

        var days = await store.ByListingAsync(Day, Day.AddDays(2), CancellationToken.None);

        Assert.Equal(
            [new ListingUsageDay("lst_m", "inference", DateOnly.FromDateTime(Day.UtcDateTime), 11), new ListingUsageDay("lst_n", "inference", DateOnly.FromDateTime(Day.UtcDateTime), 1),
             new ListingUsageDay("lst_m", "inference", DateOnly.FromDateTime(Day.UtcDateTime).AddDays(1), 7)],
            days);
    }
}

public sealed class SqliteMeteredUsageStoreTests : MeteredUsageStoreContract, IDisposable
{
    private readonly Testing.TempDirectory _directory = new("metered");

    protected override Task<ISqlDialect> CreateDialectAsync() =>
        Task.FromResult<ISqlDialect>(new SqliteDialect(Path.Combine(_directory.Path, Guid.NewGuid().ToString("N") + ".db")));

    public void Dispose() => _directory.Dispose();
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresMeteredUsageStoreTests(PostgresFixture postgres) : MeteredUsageStoreContract
{
    protected override async Task<ISqlDialect> CreateDialectAsync() =>
        new PostgresDialect(Npgsql.NpgsqlDataSource.Create(await postgres.Server.CreateDatabaseAsync()));
}
