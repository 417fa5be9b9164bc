using System.Data.Common;
using System.Globalization;
using Marketplace.Abstractions.Billing;
using Marketplace.Storage.Relational;

namespace Marketplace.Storage.Billing;

/// <summary>
/// Metered usage on the relational store (SQLite or PostgreSQL). A batch is written in one
/// transaction; <c>ON CONFLICT DO NOTHING</c> on the (order, event id) key makes a resend a no-op, so
/// de-duplication costs the primary key's index and nothing more.
/// </summary>
public sealed class RelationalMeteredUsageStore(RelationalSchema schema) : IMeteredUsageStore
{
    // Event ids looked up per statement, well below either database's parameter limit.
    private const int RowsPerStatement = 200;

    public async Task<IReadOnlyList<bool>> AppendAsync(IReadOnlyList<MeteredUsage> usage, CancellationToken cancellationToken)
    {
        if (usage.Count == 0)
        {
            return [];
        }
        await schema.EnsureAsync(cancellationToken);
        await using var connection = await schema.Dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var recorded = schema.Dialect is SqliteDialect
            ? await InsertRowByRowAsync(connection, transaction, usage, cancellationToken)
            : await InsertAsArraysAsync(connection, transaction, usage, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return recorded;
    }

    public async Task<IReadOnlySet<string>> ExistingAsync(string orderId, IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken)
    {
        var existing = new HashSet<string>(StringComparer.Ordinal);
        if (eventIds.Count == 0)
        {
            return existing;
        }
        await schema.EnsureAsync(cancellationToken);
        await using var connection = await schema.Dialect.OpenAsync(cancellationToken);
        foreach (var chunk in eventIds.Chunk(RowsPerStatement))
        {
            await using var command = connection.CreateCommand().With("order", orderId);
            var names = chunk.Select((id, i) => { command.With("e" + i.ToString(CultureInfo.InvariantCulture), id); return "@e" + i.ToString(CultureInfo.InvariantCulture); });
            command.CommandText = $"SELECT event_id FROM metered_usage WHERE order_id = @order AND event_id IN ({string.Join(", ", names)})";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                existing.Add(reader.GetString(0));
            }
        }
        return existing;
    }

    public async Task<IReadOnlyDictionary<string, long>> QuantitiesAsync(string orderId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await schema.EnsureAsync(cancellationToken);
        await using var connection = await schema.Dialect.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand()
            .WithText("SELECT line_id, SUM(quantity) FROM metered_usage WHERE order_id = @order AND at_ms >= @from AND at_ms < @to GROUP BY line_id")
            .With("order", orderId)
            .With("from", from.ToUnixTimeMilliseconds())
            .With("to", to.ToUnixTimeMilliseconds());
        var quantities = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            quantities[reader.GetString(0)] = Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture);
        }
        return quantities;
    }

    public async Task<IReadOnlyList<ListingUsageDay>> ByListingAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await schema.EnsureAsync(cancellationToken);
        await using var connection = await schema.Dialect.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand()
            .WithText("SELECT COALESCE(listing_id, ''), unit, at_ms / 86400000 AS day, SUM(quantity) FROM metered_usage " +
                      "WHERE at_ms >= @from AND at_ms < @to GROUP BY COALESCE(listing_id, ''), unit, at_ms / 86400000 ORDER BY 3, 1, 2")
            .With("from", from.ToUnixTimeMilliseconds())
            .With("to", to.ToUnixTimeMilliseconds());
        var days = new List<ListingUsageDay>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var day = DateOnly.FromDateTime(DateTime.UnixEpoch.AddDays(Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture)));
            days.Add(new ListingUsageDay(reader.GetString(0), reader.GetString(1), day, Convert.ToInt64(reader.GetValue(3), CultureInfo.InvariantCulture)));
        }
        return days;
    }

    private const string Columns = "order_id, event_id, line_id, listing_id, unit, quantity, at_ms, received_ms, reporter";

    // SQLite runs in-process: one prepared statement stepped per row is its fastest path (no SQL to
    // parse per batch), and the changed-row count says whether the row is new.
    private static async Task<IReadOnlyList<bool>> InsertRowByRowAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<MeteredUsage> usage, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand()
            .WithText($"INSERT INTO metered_usage ({Columns}) VALUES (@o, @e, @l, @g, @u, @q, @a, @r, @b) ON CONFLICT (order_id, event_id) DO NOTHING");
        command.Transaction = transaction;
        var names = new[] { "o", "e", "l", "g", "u", "q", "a", "r", "b" };
        foreach (var name in names)
        {
            command.With(name, null);
        }
        await command.PrepareAsync(cancellationToken);
        var recorded = new bool[usage.Count];
        for (var i = 0; i < usage.Count; i++)
        {
            var u = usage[i];
            object?[] values = [u.OrderId, u.EventId, u.LineId, u.ListingId, u.Unit, u.Quantity, u.At.ToUnixTimeMilliseconds(), u.ReceivedAt.ToUnixTimeMilliseconds(), u.Reporter];
            for (var p = 0; p < values.Length; p++)
            {
                command.Parameters[p].Value = values[p] ?? DBNull.Value;
            }
            recorded[i] = await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        }
        return recorded;
    }

    // PostgreSQL is a round trip away: the whole batch goes as one statement over column arrays,
    // and RETURNING names the rows that were new.
    private static async Task<IReadOnlyList<bool>> InsertAsArraysAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<MeteredUsage> usage, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand()
            .WithText($"INSERT INTO metered_usage ({Columns}) " +
                      "SELECT * FROM unnest(@o::text[], @e::text[], @l::text[], @g::text[], @u::text[], @q::bigint[], @a::bigint[], @r::bigint[], @b::text[]) " +
                      "ON CONFLICT (order_id, event_id) DO NOTHING RETURNING order_id, event_id")
            .With("o", usage.Select(u => u.OrderId).ToArray())
            .With("e", usage.Select(u => u.EventId).ToArray())
            .With("l", usage.Select(u => u.LineId).ToArray())
            .With("g", usage.Select(u => u.ListingId).ToArray())
            .With("u", usage.Select(u => u.Unit).ToArray())
            .With("q", usage.Select(u => u.Quantity).ToArray())
            .With("a", usage.Select(u => u.At.ToUnixTimeMilliseconds()).ToArray())
            .With("r", usage.Select(u => u.ReceivedAt.ToUnixTimeMilliseconds()).ToArray())
            .With("b", usage.Select(u => u.Reporter).ToArray());
        command.Transaction = transaction;
        var recorded = new HashSet<(string, string)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                recorded.Add((reader.GetString(0), reader.GetString(1)));
            }
        }
        // A record repeated within the batch is recorded at its first occurrence only.
        return usage.Select(u => recorded.Remove((u.OrderId, u.EventId))).ToList();
    }
}
