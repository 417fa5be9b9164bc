using System.Data.Common;
using System.Globalization;
using System.Text;
using Marketplace.Abstractions.Billing;
using Marketplace.Storage.Relational;

namespace Marketplace.Storage.Billing;

/// <summary>
/// Metered usage on the relational store (SQLite or PostgreSQL). A batch is inserted as a few
/// multi-row statements in one transaction; <c>ON CONFLICT DO NOTHING RETURNING</c> says which rows
/// are new, so de-duplication costs the primary key's index and nothing more.
/// </summary>
public sealed class RelationalMeteredUsageStore(RelationalSchema schema) : IMeteredUsageStore
{
    // Nine parameters a row: 200 rows stay far below SQLite's and PostgreSQL's parameter limits.
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
        var recorded = new HashSet<(string, string)>();
        for (var start = 0; start < usage.Count; start += RowsPerStatement)
        {
            await using var command = Insert(connection, usage, start, Math.Min(RowsPerStatement, usage.Count - start));
            command.Transaction = transaction;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                recorded.Add((reader.GetString(0), reader.GetString(1)));
            }
        }
        await transaction.CommitAsync(cancellationToken);
        // A record repeated within the batch is recorded at its first occurrence only.
        return usage.Select(u => recorded.Remove((u.OrderId, u.EventId))).ToList();
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

    private static DbCommand Insert(DbConnection connection, IReadOnlyList<MeteredUsage> usage, int start, int count)
    {
        var command = connection.CreateCommand();
        var sql = new StringBuilder("INSERT INTO metered_usage (order_id, event_id, line_id, listing_id, unit, quantity, at_ms, received_ms, reporter) VALUES ");
        for (var row = 0; row < count; row++)
        {
            var u = usage[start + row];
            var p = "r" + row.ToString(CultureInfo.InvariantCulture) + "_";
            sql.Append(row == 0 ? "" : ", ")
                .Append(CultureInfo.InvariantCulture, $"(@{p}o, @{p}e, @{p}l, @{p}g, @{p}u, @{p}q, @{p}a, @{p}r, @{p}b)");
            command.With(p + "o", u.OrderId).With(p + "e", u.EventId).With(p + "l", u.LineId).With(p + "g", u.ListingId).With(p + "u", u.Unit)
                .With(p + "q", u.Quantity).With(p + "a", u.At.ToUnixTimeMilliseconds()).With(p + "r", u.ReceivedAt.ToUnixTimeMilliseconds()).With(p + "b", u.Reporter);
        }
        sql.Append(" ON CONFLICT (order_id, event_id) DO NOTHING RETURNING order_id, event_id");
        command.CommandText = sql.ToString();
        return command;
    }
}
