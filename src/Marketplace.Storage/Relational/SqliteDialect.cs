using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Marketplace.Storage.Relational;

/// <summary>
/// SQLite in WAL mode with synchronous=FULL: a write is on disk before it is acknowledged, so
/// neither kill -9 nor a power cut loses it; readers never block the single writer.
/// </summary>
public sealed class SqliteDialect : ISqlDialect
{
    private readonly string _connectionString;

    public SqliteDialect(string databasePath)
    {
        DatabasePath = Path.GetFullPath(databasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            // Seconds a statement waits for the writer lock before giving up.
            DefaultTimeout = 30,
        }.ToString();
    }

    public string DatabasePath { get; }

    public string Name => "sqlite";

    public async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    public string CreateSchemaSql =>
        """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS grain_state (
            grain_type TEXT NOT NULL,
            grain_key TEXT NOT NULL,
            state_name TEXT NOT NULL,
            version INTEGER NOT NULL,
            payload BLOB NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (grain_type, grain_key, state_name)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS reminders (
            service_id TEXT NOT NULL,
            grain_id TEXT NOT NULL,
            reminder_name TEXT NOT NULL,
            grain_hash INTEGER NOT NULL,
            start_at TEXT NOT NULL,
            period_ms INTEGER NOT NULL,
            version INTEGER NOT NULL,
            PRIMARY KEY (service_id, grain_id, reminder_name)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS reminders_by_hash ON reminders (service_id, grain_hash);
        CREATE TABLE IF NOT EXISTS usage_events (
            id TEXT NOT NULL PRIMARY KEY,
            organization_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            listing_id TEXT NOT NULL,
            compute_ms REAL NOT NULL,
            device_kind TEXT NOT NULL,
            at TEXT NOT NULL,
            input_tokens INTEGER NOT NULL DEFAULT 0,
            output_tokens INTEGER NOT NULL DEFAULT 0);
        CREATE INDEX IF NOT EXISTS usage_events_by_organization ON usage_events (organization_id, at);
        CREATE TABLE IF NOT EXISTS metered_usage (
            order_id TEXT NOT NULL,
            event_id TEXT NOT NULL,
            line_id TEXT NOT NULL,
            listing_id TEXT NULL,
            unit TEXT NOT NULL,
            quantity INTEGER NOT NULL,
            at_ms INTEGER NOT NULL,
            received_ms INTEGER NOT NULL,
            reporter TEXT NOT NULL,
            PRIMARY KEY (order_id, event_id)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS metered_usage_by_order_time ON metered_usage (order_id, at_ms);
        CREATE INDEX IF NOT EXISTS metered_usage_by_time ON metered_usage (at_ms);
        CREATE TABLE IF NOT EXISTS journal_entries (
            id TEXT NOT NULL PRIMARY KEY,
            idempotency_key TEXT NOT NULL UNIQUE,
            currency TEXT NOT NULL,
            position INTEGER NOT NULL,
            occurred_at TEXT NOT NULL,
            description TEXT NOT NULL,
            reverses TEXT NULL,
            UNIQUE (currency, position));
        CREATE TABLE IF NOT EXISTS journal_postings (
            entry_id TEXT NOT NULL,
            line INTEGER NOT NULL,
            account TEXT NOT NULL,
            side TEXT NOT NULL,
            amount_minor INTEGER NOT NULL,
            PRIMARY KEY (entry_id, line)) WITHOUT ROWID;
        """;

    public bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: 19 };
}
