namespace Marketplace.Abstractions.Billing;

/// <summary>One accepted usage record as stored: whose order, which line, how much, when, who reported it.</summary>
public sealed record MeteredUsage(string OrderId, string EventId, string LineId, string? ListingId, string Unit, long Quantity, DateTimeOffset At, DateTimeOffset ReceivedAt, string Reporter);

/// <summary>A day's metered quantity of one listing in one unit (the operator's usage-by-model chart).</summary>
public sealed record ListingUsageDay(string ListingId, string Unit, DateOnly Day, long Quantity);

/// <summary>
/// Metered usage from deployed solutions, append-only. A record is keyed by its order and the
/// deployment's event id, so a resent record is recorded once whoever sends it and however often;
/// a batch is written in one transaction before it is acknowledged.
/// </summary>
public interface IMeteredUsageStore
{
    /// <summary>Records the batch; for each record, true when it was recorded now, false when its (order, event id) was already there.</summary>
    Task<IReadOnlyList<bool>> AppendAsync(IReadOnlyList<MeteredUsage> usage, CancellationToken cancellationToken);

    /// <summary>Which of these event ids an order already has.</summary>
    Task<IReadOnlySet<string>> ExistingAsync(string orderId, IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken);

    /// <summary>An order's quantity per line id with <c>from ≤ at &lt; to</c>.</summary>
    Task<IReadOnlyDictionary<string, long>> QuantitiesAsync(string orderId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>Every order's usage per listing, unit and UTC day with <c>from ≤ at &lt; to</c>.</summary>
    Task<IReadOnlyList<ListingUsageDay>> ByListingAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
