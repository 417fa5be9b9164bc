using System.Globalization;
using System.Threading.Channels;
using Marketplace.Abstractions.Usage;
using Marketplace.Domain.Sandbox;
using Marketplace.Storage.Relational;

namespace Marketplace.Storage.Usage;

/// <summary>
/// The usage ledger on the same relational store as grain state (SQLite or PostgreSQL). Events
/// that arrive together are written by one writer in one transaction (group commit): each caller
/// still waits until its row is durable, but concurrent trials share one fsync instead of queueing
/// for one each. Settlements (a trial's real compute) ride along in the same transactions.
/// </summary>
public sealed class RelationalUsageLedger : IUsageLedger, IAsyncDisposable
{
    private const int MaxBatch = 256;

    private readonly RelationalSchema _schema;
    private readonly Channel<Pending> _pending = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    public RelationalUsageLedger(RelationalSchema schema)
    {
        _schema = schema;
        _writer = Task.Run(WriteLoopAsync);
    }

    public async Task<bool> RecordAsync(UsageEvent usage, CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken);
        var pending = new Pending(usage, null, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_pending.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(RelationalUsageLedger));
        }
        // A cancelled caller stops waiting; its row may still be written, which the id makes harmless.
        return await pending.Written!.Task.WaitAsync(cancellationToken);
    }

    public void Settle(string eventId, double computeMs, string deviceKind, int? outputTokens = null)
    {
        var settlement = new Settlement(eventId, computeMs, deviceKind, outputTokens);
        var pending = new Pending(null, settlement, null);
        // Written after the row it settles: one reader takes the channel in order.
        _pending.Writer.TryWrite(pending);
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _pending.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }
            try
            {
                var inserted = await WriteAsync(batch);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Written?.TrySetResult(inserted[i]);
                }
            }
            catch (Exception error)
            {
                foreach (var pending in batch)
                {
                    pending.Written?.TrySetException(error);
                }
            }
        }
    }

    private async Task<bool[]> WriteAsync(List<Pending> batch)
    {
        await using var connection = await _schema.Dialect.OpenAsync(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync();
        var inserted = new bool[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            if (batch[i].Settlement is { } settlement)
            {
                await using var update = connection.CreateCommand()
                    .WithText(settlement.OutputTokens is null
                        ? "UPDATE usage_events SET compute_ms = @compute, device_kind = @device WHERE id = @id"
                        : "UPDATE usage_events SET compute_ms = @compute, device_kind = @device, output_tokens = @output WHERE id = @id")
                    .With("id", settlement.EventId)
                    .With("compute", settlement.ComputeMs)
                    .With("device", settlement.DeviceKind);
                if (settlement.OutputTokens is { } output)
                {
                    update.With("output", output);
                }
                update.Transaction = transaction;
                inserted[i] = await update.ExecuteNonQueryAsync() == 1;
                continue;
            }
            var usage = batch[i].Usage!;
            await using var command = connection.CreateCommand()
                .WithText(
                    "INSERT INTO usage_events (id, organization_id, kind, listing_id, compute_ms, device_kind, at, input_tokens, output_tokens) " +
                    "VALUES (@id, @organization, @kind, @listing, @compute, @device, @at, @input, @output) ON CONFLICT (id) DO NOTHING")
                .With("id", usage.Id)
                .With("organization", usage.OrganizationId)
                .With("kind", usage.Kind)
                .With("listing", usage.ListingId)
                .With("compute", usage.ComputeMs)
                .With("device", usage.DeviceKind)
                .With("at", usage.At.UtcDateTime)
                .With("input", usage.InputTokens)
                .With("output", usage.OutputTokens);
            command.Transaction = transaction;
            inserted[i] = await command.ExecuteNonQueryAsync() == 1;
        }
        await transaction.CommitAsync();
        return inserted;
    }

    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        await _writer;
    }

    private sealed record Pending(UsageEvent? Usage, Settlement? Settlement, TaskCompletionSource<bool>? Written);

    private sealed record Settlement(string EventId, double ComputeMs, string DeviceKind, int? OutputTokens);

    public async Task<UsageEvent?> FindAsync(string eventId, CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken);
        await using var connection = await _schema.Dialect.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand()
            .WithText(SelectColumns + " WHERE id = @id")
            .With("id", eventId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    private const string SelectColumns = "SELECT id, organization_id, kind, listing_id, compute_ms, device_kind, at, input_tokens, output_tokens FROM usage_events";

    private static UsageEvent Read(System.Data.Common.DbDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
        Convert.ToDouble(reader.GetValue(4), CultureInfo.InvariantCulture), reader.GetString(5),
        new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(6), DateTimeKind.Utc)),
        Convert.ToInt32(reader.GetValue(7), CultureInfo.InvariantCulture),
        Convert.ToInt32(reader.GetValue(8), CultureInfo.InvariantCulture));

    public async Task<IReadOnlyList<UsageEvent>> ListAsync(string organizationId, DateTimeOffset? since, int limit, CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken);
        await using var connection = await _schema.Dialect.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand()
            .WithText(SelectColumns + " WHERE organization_id = @organization AND at >= @since ORDER BY at DESC, id LIMIT @limit")
            .With("organization", organizationId)
            .With("since", (since ?? DateTimeOffset.UnixEpoch).UtcDateTime)
            .With("limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<UsageEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(Read(reader));
        }
        return events;
    }

    public async Task<UsageTotals> TotalsAsync(string organizationId, IReadOnlyList<string> kinds, DateTimeOffset since, CancellationToken cancellationToken)
    {
        if (kinds.Count == 0)
        {
            return UsageTotals.None;
        }
        await _schema.EnsureAsync(cancellationToken);
        await using var connection = await _schema.Dialect.OpenAsync(cancellationToken);
        var names = kinds.Select((_, i) => "@kind" + i.ToString(CultureInfo.InvariantCulture)).ToList();
        await using var command = connection.CreateCommand()
            .WithText(
                "SELECT COUNT(*), COALESCE(SUM(compute_ms), 0), COALESCE(SUM(input_tokens + output_tokens), 0) FROM usage_events " +
                $"WHERE organization_id = @organization AND kind IN ({string.Join(", ", names)}) AND at >= @since")
            .With("organization", organizationId)
            .With("since", since.UtcDateTime);
        for (var i = 0; i < kinds.Count; i++)
        {
            command.With(names[i][1..], kinds[i]);
        }
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new UsageTotals(
            Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture),
            Convert.ToDouble(reader.GetValue(1), CultureInfo.InvariantCulture),
            Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture));
    }
}
