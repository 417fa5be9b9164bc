using System.Diagnostics;
using Npgsql;

namespace Marketplace.Benchmarks.Search;

/// <summary>
/// PostgreSQL answering the same search: the statements of <see cref="PostgresSearchSql"/> sent as
/// one batch (one round trip) on one open connection, timed until the last row is read.
/// </summary>
public sealed class PostgresSearchTarget : ISearchTarget
{
    private readonly NpgsqlConnection _connection;

    private PostgresSearchTarget(NpgsqlConnection connection)
    {
        _connection = connection;
    }

    public string Name => "PostgreSQL (tsvector + GIN)";

    public static async Task<PostgresSearchTarget> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return new PostgresSearchTarget(connection);
    }

    public async Task<string> VersionAsync(CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SHOW server_version", _connection);
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<TargetRun> RunAsync(BenchQuery query, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(_connection);
        foreach (var command in PostgresSearchSql.CommandsFor(query))
        {
            batch.BatchCommands.Add(command);
        }
        var started = Stopwatch.GetTimestamp();
        int? total = null;
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            var statement = 0;
            do
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    // Statement 1 is the count; the others are read to the end so their work is paid for.
                    if (statement == 1)
                    {
                        total = (int)reader.GetInt64(0);
                    }
                }
                statement++;
            }
            while (await reader.NextResultAsync(cancellationToken));
        }
        return new TargetRun(Stopwatch.GetElapsedTime(started), total);
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
