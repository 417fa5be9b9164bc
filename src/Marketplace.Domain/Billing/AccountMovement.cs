namespace Marketplace.Domain.Billing;

/// <summary>One posting in an account's history, with the account's debit-positive balance after it.</summary>
public sealed record AccountMovement(JournalEntry Entry, Side Side, long AmountMinor, long NetAfter);
