using System.Globalization;
using Marketplace.Abstractions.Usage;
using Marketplace.Domain.Sandbox;
using Marketplace.Storage.Relational;

namespace Marketplace.Storage.Usage;

/// <summary>The usage ledger on the same relational store as grain state (SQLite or PostgreSQL).</summary>
public sealed class RelationalUsageLedger(RelationalSchema schema) : IUsageLedger
{
    public async Task<bool> RecordAsync(UsageEvent usage, CancellationToken cancellationToken)
    {
        await schema.EnsureAsync(cancellationToken);
        await using var connection = await schema.Dialect.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand()
            .WithText(
                "INSERT INTO usage_events (id, organization_id, kind, listing_id, compute_ms, device_kind, at) " +
                "VALUES (@id, @organization, @kind, @listing, @compute, @device, @at) ON CONFLICT (id) DO NOTHING")
            .With("id", usage.Id)
            .With("organization", usage.OrganizationId)
            .With("kind", usage.Kind)
            .With("listing", usage.ListingId)
            .With("compute", usage.ComputeMs)
            .With("device", usage.DeviceKind)
            .With("at", usage.At.UtcDateTime);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<IReadOnlyList<UsageEvent>> ListAsync(string organizationId, DateTimeOffset? since, int limit, CancellationToken cancellationToken)
    {
        await schema.EnsureAsync(cancellationToken);
        await using var connection = await schema.Dialect.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand()
            .WithText(
                "SELECT id, organization_id, kind, listing_id, compute_ms, device_kind, at FROM usage_events " +
                "WHERE organization_id = @organization AND at >= @since ORDER BY at DESC, id LIMIT @limit")
            .With("organization", organizationId)
            .With("since", (since ?? DateTimeOffset.UnixEpoch).UtcDateTime)
            .With("limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<UsageEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new UsageEvent(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                Convert.ToDouble(reader.GetValue(4), CultureInfo.InvariantCulture), reader.GetString(5),
                new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(6), DateTimeKind.Utc))));
        }
        return events;
    }

    public async Task<(int Count, double ComputeMs)> TotalsAsync(string organizationId, string kind, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await schema.EnsureAsync(cancellationToken);
        await using var connection = await schema.Dialect.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand()
            .WithText("SELECT COUNT(*), COALESCE(SUM(compute_ms), 0) FROM usage_events WHERE organization_id = @organization AND kind = @kind AND at >= @since")
            .With("organization", organizationId)
            .With("kind", kind)
            .With("since", since.UtcDateTime);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture), Convert.ToDouble(reader.GetValue(1), CultureInfo.InvariantCulture));
    }
}
