using Marketplace.Domain.Sandbox;

namespace Marketplace.Abstractions.Usage;

/// <summary>
/// Billable usage as a ledger in the state store: one row per event, written before the event is
/// acknowledged, keyed by the event id so a retried write is recorded once. A trial's row is
/// written when it is admitted, with the compute it reserved, and settled once to what it used.
/// </summary>
public interface IUsageLedger
{
    /// <summary>Records the event; false when an event with its id was already recorded.</summary>
    Task<bool> RecordAsync(UsageEvent usage, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces an event's compute and device (and, for a generation, its output tokens) with what
    /// the run really used; call it once the event's <see cref="RecordAsync"/> has completed. Not
    /// awaited by the trial's answer: written with the next group commit; if it is lost, the
    /// reservation stands, which overstates compute and tokens rather than losing them.
    /// </summary>
    void Settle(string eventId, double computeMs, string deviceKind, int? outputTokens = null);

    /// <summary>The event with this id, or null (a retried request asks whether it was metered).</summary>
    Task<UsageEvent?> FindAsync(string eventId, CancellationToken cancellationToken);

    Task<IReadOnlyList<UsageEvent>> ListAsync(string organizationId, DateTimeOffset? since, int limit, CancellationToken cancellationToken);

    /// <summary>How many events of the kinds an organisation has since a time, their compute and their tokens (input and output).</summary>
    Task<UsageTotals> TotalsAsync(string organizationId, IReadOnlyList<string> kinds, DateTimeOffset since, CancellationToken cancellationToken);
}

/// <summary>Sums over usage events.</summary>
public sealed record UsageTotals(int Count, double ComputeMs, long Tokens)
{
    public static UsageTotals None { get; } = new(0, 0, 0);
}
