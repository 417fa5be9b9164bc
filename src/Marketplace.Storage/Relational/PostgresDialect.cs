using System.Data.Common;
using Npgsql;

namespace Marketplace.Storage.Relational;

/// <summary>PostgreSQL through one pooled <see cref="NpgsqlDataSource"/> per connection string.</summary>
public sealed class PostgresDialect(NpgsqlDataSource dataSource) : ISqlDialect
{
    public string Name => "postgres";

    public async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);

    // Hosts starting together serialise on an advisory lock: concurrent CREATE ... IF NOT EXISTS
    // can otherwise collide on PostgreSQL's catalog (duplicate type errors).
    public string CreateSchemaSql =>
        """
        BEGIN;
        SELECT pg_advisory_xact_lock(5427301);
        CREATE TABLE IF NOT EXISTS grain_state (
            grain_type TEXT NOT NULL,
            grain_key TEXT NOT NULL,
            state_name TEXT NOT NULL,
            version BIGINT NOT NULL,
            payload BYTEA NULL,
            updated_at TIMESTAMPTZ NOT NULL,
            PRIMARY KEY (grain_type, grain_key, state_name));
        CREATE TABLE IF NOT EXISTS reminders (
            service_id TEXT NOT NULL,
            grain_id TEXT NOT NULL,
            reminder_name TEXT NOT NULL,
            grain_hash BIGINT NOT NULL,
            start_at TIMESTAMPTZ NOT NULL,
            period_ms BIGINT NOT NULL,
            version BIGINT NOT NULL,
            PRIMARY KEY (service_id, grain_id, reminder_name));
        CREATE INDEX IF NOT EXISTS reminders_by_hash ON reminders (service_id, grain_hash);
        CREATE TABLE IF NOT EXISTS usage_events (
            id TEXT NOT NULL PRIMARY KEY,
            organization_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            listing_id TEXT NOT NULL,
            compute_ms DOUBLE PRECISION NOT NULL,
            device_kind TEXT NOT NULL,
            at TIMESTAMPTZ NOT NULL,
            input_tokens INTEGER NOT NULL DEFAULT 0,
            output_tokens INTEGER NOT NULL DEFAULT 0);
        CREATE INDEX IF NOT EXISTS usage_events_by_organization ON usage_events (organization_id, at);
        CREATE TABLE IF NOT EXISTS metered_usage (
            order_id TEXT NOT NULL,
            event_id TEXT NOT NULL,
            line_id TEXT NOT NULL,
            listing_id TEXT NULL,
            unit TEXT NOT NULL,
            quantity BIGINT NOT NULL,
            at_ms BIGINT NOT NULL,
            received_ms BIGINT NOT NULL,
            reporter TEXT NOT NULL,
            PRIMARY KEY (order_id, event_id));
        CREATE INDEX IF NOT EXISTS metered_usage_by_order_time ON metered_usage (order_id, at_ms);
        CREATE INDEX IF NOT EXISTS metered_usage_by_time ON metered_usage (at_ms);
        CREATE TABLE IF NOT EXISTS journal_entries (
            id TEXT NOT NULL PRIMARY KEY,
            idempotency_key TEXT NOT NULL UNIQUE,
            currency TEXT NOT NULL,
            position BIGINT NOT NULL,
            occurred_at TIMESTAMPTZ NOT NULL,
            description TEXT NOT NULL,
            reverses TEXT NULL,
            UNIQUE (currency, position));
        CREATE TABLE IF NOT EXISTS journal_postings (
            entry_id TEXT NOT NULL,
            line INTEGER NOT NULL,
            account TEXT NOT NULL,
            side TEXT NOT NULL,
            amount_minor BIGINT NOT NULL,
            PRIMARY KEY (entry_id, line));
        COMMIT;
        """;

    // 23505: unique_violation; 42P07 duplicate_table and 42710 duplicate_object (a concurrent CREATE won the race).
    public bool IsUniqueViolation(DbException exception) =>
        exception is PostgresException { SqlState: "23505" or "42P07" or "42710" };
}
