using System.Data.Common;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Marketplace.Storage.Relational;

/// <summary>
/// Orleans grain storage on a relational database with optimistic concurrency: a write carrying
/// a stale ETag changes nothing and throws <see cref="InconsistentStateException"/>.
/// </summary>
public sealed partial class RelationalGrainStorage(
    string providerName,
    RelationalSchema schema,
    IGrainStorageSerializer serializer,
    IActivatorProvider activators,
    TimeProvider time,
    ILogger<RelationalGrainStorage> logger) : IGrainStorage
{
    private ISqlDialect Dialect => schema.Dialect;

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await schema.EnsureAsync(CancellationToken.None);
        await using var connection = await Dialect.OpenAsync(CancellationToken.None);
        await using var command = Keyed(connection, GrainStateSql.Read, stateName, grainId);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            ResetToEmpty(grainState, etag: null);
            return;
        }
        var etag = reader.GetInt64(0).ToString(CultureInfo.InvariantCulture);
        if (await reader.IsDBNullAsync(1))
        {
            ResetToEmpty(grainState, etag);
            return;
        }
        grainState.State = serializer.Deserialize<T>(new BinaryData((byte[])reader.GetValue(1)));
        grainState.ETag = etag;
        grainState.RecordExists = true;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        WriteAsync(stateName, grainId, grainState, serializer.Serialize(grainState.State).ToArray());

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (grainState.ETag is not null)
        {
            // A tombstone, not a delete: the version keeps counting, so an old ETag never matches again.
            await WriteAsync(stateName, grainId, grainState, payload: null);
        }
        ResetToEmpty(grainState, grainState.ETag);
    }

    private async Task WriteAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, byte[]? payload)
    {
        await schema.EnsureAsync(CancellationToken.None);
        var expected = grainState.ETag;
        await using var connection = await Dialect.OpenAsync(CancellationToken.None);
        await using var command = Keyed(connection, expected is null ? GrainStateSql.Insert : GrainStateSql.Update, stateName, grainId)
            .With("payload", payload)
            .With("now", time.GetUtcNow().UtcDateTime);
        long written;
        if (expected is null)
        {
            try
            {
                await command.ExecuteNonQueryAsync();
            }
            catch (DbException e) when (Dialect.IsUniqueViolation(e))
            {
                throw Inconsistent(stateName, grainId, expected, e);
            }
            written = 1;
        }
        else
        {
            var version = long.Parse(expected, CultureInfo.InvariantCulture);
            command.With("version", version);
            if (await command.ExecuteNonQueryAsync() != 1)
            {
                throw Inconsistent(stateName, grainId, expected, inner: null);
            }
            written = version + 1;
        }
        grainState.ETag = written.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = payload is not null;
    }

    private InconsistentStateException Inconsistent(string stateName, GrainId grainId, string? expected, Exception? inner)
    {
        LogStaleWrite(providerName, grainId, stateName, expected ?? "(none)");
        var message = $"Stale write to '{stateName}' of {grainId} refused: it changed since ETag '{expected ?? "(none)"}'.";
        return inner is null
            ? new InconsistentStateException(message, storedEtag: "(newer)", currentEtag: expected ?? string.Empty)
            : new InconsistentStateException(message, "(newer)", expected ?? string.Empty, inner);
    }

    private void ResetToEmpty<T>(IGrainState<T> grainState, string? etag)
    {
        grainState.State = activators.GetActivator<T>().Create();
        grainState.ETag = etag;
        grainState.RecordExists = false;
    }

    private static DbCommand Keyed(DbConnection connection, string sql, string stateName, GrainId grainId) =>
        connection.CreateCommand()
            .WithText(sql)
            .With("type", grainId.Type.ToString())
            .With("key", grainId.Key.ToString())
            .With("name", stateName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Grain storage {Provider} refused a stale write to {GrainId}/{StateName} (ETag {ETag})")]
    private partial void LogStaleWrite(string provider, GrainId grainId, string stateName, string etag);
}
