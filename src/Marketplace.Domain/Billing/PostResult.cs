namespace Marketplace.Domain.Billing;

public enum PostOutcome
{
    /// <summary>The entry is now on the ledger.</summary>
    Posted,

    /// <summary>An entry with this key and the same money is already on the ledger: nothing changed.</summary>
    Duplicate,

    /// <summary>An entry with this key but other money is already on the ledger: refused, nothing changed.</summary>
    Conflict,
}

/// <summary>What posting did, and the entry on the ledger under that key (the earlier one unless it was posted now).</summary>
public sealed record PostResult(PostOutcome Outcome, JournalEntry Entry);
