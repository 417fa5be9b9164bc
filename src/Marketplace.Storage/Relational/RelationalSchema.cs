using System.Data.Common;

namespace Marketplace.Storage.Relational;

/// <summary>Creates the tables once per dialect instance, whichever provider starts first.</summary>
public sealed class RelationalSchema(ISqlDialect dialect)
{
    /// <summary>
    /// Columns added after a table was first shipped: a database created before them gets them
    /// here (SQLite has no ADD COLUMN IF NOT EXISTS, so each is probed first). Same SQL on both dialects.
    /// </summary>
    private static readonly (string Table, string Column, string Definition)[] AddedColumns =
    [
        ("usage_events", "input_tokens", "INTEGER NOT NULL DEFAULT 0"),
        ("usage_events", "output_tokens", "INTEGER NOT NULL DEFAULT 0"),
    ];

    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _ready;

    public ISqlDialect Dialect => dialect;

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (_ready)
        {
            return;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_ready)
            {
                return;
            }
            for (var attempt = 1; ; attempt++)
            {
                await using var connection = await dialect.OpenAsync(cancellationToken);
                await using var command = connection.CreateCommand().WithText(dialect.CreateSchemaSql);
                try
                {
                    await command.ExecuteNonQueryAsync(cancellationToken);
                    break;
                }
                catch (DbException e) when (dialect.IsUniqueViolation(e) && attempt < 5)
                {
                    // Another silo created one of the objects at the same moment; the next run of
                    // the idempotent script finds it and goes on with the rest.
                }
            }
            await AddColumnsAsync(cancellationToken);
            _ready = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task AddColumnsAsync(CancellationToken cancellationToken)
    {
        foreach (var (table, column, definition) in AddedColumns)
        {
            for (var attempt = 1; !await HasColumnAsync(table, column, cancellationToken); attempt++)
            {
                await using var connection = await dialect.OpenAsync(cancellationToken);
                await using var alter = connection.CreateCommand().WithText($"ALTER TABLE {table} ADD COLUMN {column} {definition}");
                try
                {
                    await alter.ExecuteNonQueryAsync(cancellationToken);
                }
                catch (DbException) when (attempt < 3)
                {
                    // Another silo added it at the same moment; the probe finds it.
                }
            }
        }
    }

    private async Task<bool> HasColumnAsync(string table, string column, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var probe = connection.CreateCommand().WithText($"SELECT {column} FROM {table} WHERE 1 = 0");
        try
        {
            await probe.ExecuteNonQueryAsync(cancellationToken);
            return true;
        }
        catch (DbException)
        {
            return false;
        }
    }
}
