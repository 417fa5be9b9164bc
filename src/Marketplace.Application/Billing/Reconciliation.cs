using Marketplace.Abstractions.Billing;
using Marketplace.Domain.Billing;

namespace Marketplace.Application.Billing;

/// <summary>One difference between our ledger and the gateway's records, for finance to look into.</summary>
public sealed record ReconciliationItem(string Kind, string? LedgerEntryId, string? GatewayId, string? Reference, long LedgerAmountMinor, long GatewayAmountMinor, string Reason);

public sealed record ReconciliationReport(
    string Currency, DateTimeOffset From, DateTimeOffset To, bool GatewayConfigured, int Matched, IReadOnlyList<ReconciliationItem> Mismatches);

/// <summary>
/// Our ledger against the gateway's records, movement by movement: card payments against charges
/// (by invoice and amount), refunds by their operation id, payouts against transfers (the transfer
/// group is the payout's entry id). What only one side has, or where the amounts differ, is listed
/// with the amount and the reason; failed or cancelled gateway records are not money and are skipped.
/// </summary>
public static class Reconciliation
{
    public static ReconciliationReport Reconcile(string currency, DateTimeOffset from, DateTimeOffset to, IReadOnlyList<JournalEntry> entries, IReadOnlyList<GatewayRecord> records)
    {
        var gateway = Account.GatewayClearing(PaymentMethods.GatewayOf(PaymentMethods.Stripe));
        // A payout the gateway refused was booked back: no transfer is expected for it.
        var reversed = entries.Where(e => e.Reverses is not null).Select(e => e.Reverses!).ToHashSet(StringComparer.Ordinal);
        var ours = entries.Where(e => e.OccurredAt >= from && e.OccurredAt < to && !reversed.Contains(e.Id))
            .Select(e => (Entry: e, Movement: Movement(e, gateway)))
            .Where(x => x.Movement is not null)
            .Select(x => (x.Entry, Movement: x.Movement!.Value))
            .ToList();
        var theirs = records.Where(r => r.Status is GatewayRecordStatus.Succeeded or GatewayRecordStatus.Pending && string.Equals(r.Currency, currency, StringComparison.OrdinalIgnoreCase)).ToList();
        var unmatched = new List<GatewayRecord>(theirs);
        var mismatches = new List<ReconciliationItem>();
        var matched = 0;
        foreach (var (entry, (kind, reference, amount)) in ours)
        {
            var candidates = unmatched.Where(r => r.Kind == kind && (r.Reference == reference || r.OperationId == reference)).ToList();
            var same = candidates.FirstOrDefault(r => r.AmountMinor == amount);
            if (same is not null)
            {
                unmatched.Remove(same);
                matched++;
            }
            else if (candidates.FirstOrDefault() is { } other)
            {
                unmatched.Remove(other);
                mismatches.Add(new ReconciliationItem(kind.ToString(), entry.Id, other.GatewayId, reference, amount, other.AmountMinor,
                    $"The amounts differ by {Math.Abs(amount - other.AmountMinor)} minor units."));
            }
            else
            {
                mismatches.Add(new ReconciliationItem(kind.ToString(), entry.Id, null, reference, amount, 0,
                    $"On our ledger, but the gateway has no {kind.ToString().ToLowerInvariant()} for {reference} in the period."));
            }
        }
        mismatches.AddRange(unmatched.Where(r => r.Kind is GatewayRecordKind.Charge or GatewayRecordKind.Refund or GatewayRecordKind.Transfer).Select(r =>
            new ReconciliationItem(r.Kind.ToString(), null, r.GatewayId, r.Reference ?? r.OperationId, 0, r.AmountMinor,
                $"At the gateway, but not on our ledger{(r.Reference is null ? " (no invoice or payout reference on it)" : "")}.")));
        return new ReconciliationReport(currency, from, to, true, matched, mismatches);
    }

    /// <summary>What an entry moved through the gateway, and the reference the gateway's record carries for it.</summary>
    private static (GatewayRecordKind Kind, string Reference, long AmountMinor)? Movement(JournalEntry entry, Account gateway)
    {
        var through = entry.Postings.Where(p => p.Account == gateway).ToList();
        if (through.Count == 0)
        {
            return null;
        }
        var posting = through[0];
        return LedgerKeys.Read(entry.IdempotencyKey) switch
        {
            ("payment", { } invoice, _) => (GatewayRecordKind.Charge, invoice, posting.AmountMinor),
            ("refund", _, { } operation) => (GatewayRecordKind.Refund, operation, posting.AmountMinor),
            // The payout's transfer carries the entry id as its transfer group.
            ("payout", _, _) => (GatewayRecordKind.Transfer, entry.Id, posting.AmountMinor),
            _ => null,
        };
    }
}
