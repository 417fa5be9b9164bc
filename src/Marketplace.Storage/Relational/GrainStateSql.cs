namespace Marketplace.Storage.Relational;

/// <summary>
/// Statements shared by both dialects: standard SQL that SQLite and PostgreSQL read alike.
/// Rows are keyed by grain type, grain key and state name. The version column is the ETag; a
/// cleared state keeps its row as a tombstone (null payload) so versions never repeat, which keeps
/// a stale writer from succeeding after a clear-and-recreate.
/// </summary>
internal static class GrainStateSql
{
    public const string Read =
        "SELECT version, payload FROM grain_state WHERE grain_type = @type AND grain_key = @key AND state_name = @name";

    public const string Insert =
        "INSERT INTO grain_state (grain_type, grain_key, state_name, version, payload, updated_at) " +
        "VALUES (@type, @key, @name, 1, @payload, @now)";

    public const string Update =
        "UPDATE grain_state SET version = version + 1, payload = @payload, updated_at = @now " +
        "WHERE grain_type = @type AND grain_key = @key AND state_name = @name AND version = @version";

}
