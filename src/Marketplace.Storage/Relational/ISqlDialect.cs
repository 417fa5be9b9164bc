using System.Data.Common;

namespace Marketplace.Storage.Relational;

/// <summary>
/// What differs between SQLite and PostgreSQL for grain state; everything else (ETag rules,
/// serialization, errors) lives once in <see cref="RelationalGrainStorage"/>.
/// </summary>
public interface ISqlDialect
{
    /// <summary>A short name for logs and health checks ("sqlite", "postgres").</summary>
    string Name { get; }

    /// <summary>Opens a connection with the session settings the dialect needs.</summary>
    ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Idempotent DDL creating every table the provider uses.</summary>
    string CreateSchemaSql { get; }

    /// <summary>Whether a failed insert means "the row already exists".</summary>
    bool IsUniqueViolation(DbException exception);
}
