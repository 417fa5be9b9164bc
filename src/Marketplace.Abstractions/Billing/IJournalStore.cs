using Marketplace.Domain.Billing;

namespace Marketplace.Abstractions.Billing;

/// <summary>
/// The ledger's journal in the state store. Each entry is written in one transaction with its
/// postings (all of it or none survives a crash), under a unique idempotency key, and at the
/// position its single writer gave it: a second writer on the same partition is refused by the
/// store, not silently interleaved.
/// </summary>
public interface IJournalStore
{
    /// <summary>
    /// Appends the entry at <paramref name="position"/> (0-based within its currency); answers the
    /// entry already stored under its key instead when there is one, and nothing is written.
    /// </summary>
    /// <exception cref="JournalPositionTakenException">When another writer already used the position.</exception>
    Task<JournalEntry?> AppendAsync(JournalEntry entry, long position, CancellationToken cancellationToken);

    /// <summary>Every entry of a currency, in the order they were posted.</summary>
    Task<IReadOnlyList<JournalEntry>> LoadAsync(string currency, CancellationToken cancellationToken);
}

/// <summary>Two writers raced on one ledger partition; the loser must reload and retry.</summary>
public sealed class JournalPositionTakenException(string currency, long position)
    : Exception($"Position {position} of the {currency} journal was written by another writer.");
