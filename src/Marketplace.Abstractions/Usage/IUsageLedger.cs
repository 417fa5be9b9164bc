using Marketplace.Domain.Sandbox;

namespace Marketplace.Abstractions.Usage;

/// <summary>
/// Billable usage as an append-only ledger in the state store: one row per event, written before
/// the event is acknowledged, keyed by the event id so a retried write is recorded once.
/// </summary>
public interface IUsageLedger
{
    /// <summary>Records the event; false when an event with its id was already recorded.</summary>
    Task<bool> RecordAsync(UsageEvent usage, CancellationToken cancellationToken);

    /// <summary>Whether an event with this id is already recorded (a retried request).</summary>
    Task<bool> ContainsAsync(string eventId, CancellationToken cancellationToken);

    Task<IReadOnlyList<UsageEvent>> ListAsync(string organizationId, DateTimeOffset? since, int limit, CancellationToken cancellationToken);

    /// <summary>How many events of a kind an organisation has since a time, and their compute.</summary>
    Task<(int Count, double ComputeMs)> TotalsAsync(string organizationId, string kind, DateTimeOffset since, CancellationToken cancellationToken);
}
