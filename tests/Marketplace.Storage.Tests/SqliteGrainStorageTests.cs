using Marketplace.Storage.Relational;
using Marketplace.Testing;

namespace Marketplace.Storage.Tests;

public sealed class SqliteGrainStorageTests : GrainStorageContract, IDisposable
{
    private readonly TempDirectory _directory = new("sqlite");

    protected override Task<ISqlDialect> CreateDialectAsync() =>
        Task.FromResult<ISqlDialect>(new SqliteDialect(Path.Combine(_directory.Path, "test.db")));

    [Fact]
    public async Task A_new_provider_on_the_same_file_reads_what_the_old_one_wrote()
    {
        var path = Path.Combine(_directory.Path, "durable.db");
        var grain = GrainId.Create("test", "durable");
        await StorageHarness.Create(new SqliteDialect(path)).WriteStateAsync("s", grain, new GrainState<TestState>(new TestState { Text = "kept" }));

        var read = new GrainState<TestState>();
        await StorageHarness.Create(new SqliteDialect(path)).ReadStateAsync("s", grain, read);

        Assert.Equal("kept", read.State!.Text);
    }

    [Fact]
    public async Task Uses_write_ahead_logging()
    {
        var dialect = new SqliteDialect(Path.Combine(_directory.Path, "wal.db"));
        await StorageHarness.Schema(dialect).EnsureAsync(CancellationToken.None);
        await using var connection = await dialect.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    public void Dispose() => _directory.Dispose();
}
