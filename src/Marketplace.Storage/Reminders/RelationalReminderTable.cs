using System.Data.Common;
using System.Globalization;
using Marketplace.Storage.Relational;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Marketplace.Storage.Reminders;

/// <summary>
/// Orleans reminders in the same relational store as grain state (SQLite in embedded mode), so a
/// single-process install keeps its reminders across restarts without any other service.
/// </summary>
public sealed class RelationalReminderTable(RelationalSchema schema, IOptions<ClusterOptions> cluster) : IReminderTable
{
    private const string Columns = "grain_id, reminder_name, start_at, period_ms, version";
    private readonly string _serviceId = cluster.Value.ServiceId;

    public Task StartAsync(CancellationToken cancellationToken) => schema.EnsureAsync(cancellationToken);

    public async Task<ReminderTableData> ReadRows(GrainId grainId) =>
        await QueryAsync($"SELECT {Columns} FROM reminders WHERE service_id = @service AND grain_id = @grain", c => c.With("grain", grainId.ToString()));

    public async Task<ReminderTableData> ReadRows(uint begin, uint end)
    {
        // The ring range is (begin, end]; when it wraps past zero it is two pieces.
        var predicate = begin < end ? "grain_hash > @begin AND grain_hash <= @end" : "(grain_hash > @begin OR grain_hash <= @end)";
        return await QueryAsync(
            $"SELECT {Columns} FROM reminders WHERE service_id = @service AND {predicate}",
            c => c.With("begin", (long)begin).With("end", (long)end));
    }

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName)
    {
        var rows = await QueryAsync(
            $"SELECT {Columns} FROM reminders WHERE service_id = @service AND grain_id = @grain AND reminder_name = @name",
            c => c.With("grain", grainId.ToString()).With("name", reminderName));
        return rows.Reminders.FirstOrDefault();
    }

    public async Task<string?> UpsertRow(ReminderEntry entry)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand()
            .WithText(
                "INSERT INTO reminders (service_id, grain_id, reminder_name, grain_hash, start_at, period_ms, version) " +
                "VALUES (@service, @grain, @name, @hash, @start, @period, 1) " +
                "ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE SET " +
                "start_at = excluded.start_at, period_ms = excluded.period_ms, version = reminders.version + 1 " +
                "RETURNING version")
            .With("service", _serviceId)
            .With("grain", entry.GrainId.ToString())
            .With("name", entry.ReminderName)
            .With("hash", (long)entry.GrainId.GetUniformHashCode())
            .With("start", DateTime.SpecifyKind(entry.StartAt, DateTimeKind.Utc))
            .With("period", (long)entry.Period.TotalMilliseconds);
        var version = Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        return version.ToString(CultureInfo.InvariantCulture);
    }

    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        if (!long.TryParse(eTag, NumberStyles.Integer, CultureInfo.InvariantCulture, out var version))
        {
            return false;
        }
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand()
            .WithText("DELETE FROM reminders WHERE service_id = @service AND grain_id = @grain AND reminder_name = @name AND version = @version")
            .With("service", _serviceId)
            .With("grain", grainId.ToString())
            .With("name", reminderName)
            .With("version", version);
        return await command.ExecuteNonQueryAsync() == 1;
    }

    public async Task TestOnlyClearTable()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand()
            .WithText("DELETE FROM reminders WHERE service_id = @service")
            .With("service", _serviceId);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<DbConnection> OpenAsync()
    {
        await schema.EnsureAsync(CancellationToken.None);
        return await schema.Dialect.OpenAsync(CancellationToken.None);
    }

    private async Task<ReminderTableData> QueryAsync(string sql, Action<DbCommand> bind)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand().WithText(sql).With("service", _serviceId);
        bind(command);
        await using var reader = await command.ExecuteReaderAsync();
        var entries = new List<ReminderEntry>();
        while (await reader.ReadAsync())
        {
            entries.Add(new ReminderEntry
            {
                GrainId = GrainId.Parse(reader.GetString(0), CultureInfo.InvariantCulture),
                ReminderName = reader.GetString(1),
                StartAt = DateTime.SpecifyKind(reader.GetDateTime(2), DateTimeKind.Utc),
                Period = TimeSpan.FromMilliseconds(reader.GetInt64(3)),
                ETag = reader.GetInt64(4).ToString(CultureInfo.InvariantCulture),
            });
        }
        return new ReminderTableData(entries);
    }
}
