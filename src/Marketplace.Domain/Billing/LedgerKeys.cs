using System.Globalization;

namespace Marketplace.Domain.Billing;

/// <summary>
/// The idempotency keys of the journal's entries: one place builds them and reads them back (the
/// reconciliation finds what an entry was from its key), so they cannot drift apart.
/// </summary>
public static class LedgerKeys
{
    public const string PayoutPrefix = "payout:";
    public const string PayoutReversalPrefix = "payout-reversal:";
    private const string InvoicePrefix = "invoice:";

    public static string Issue(string invoiceId) => $"invoice:{invoiceId}:issue";

    public static string Void(string invoiceId) => $"invoice:{invoiceId}:void";

    public static string Credit(string invoiceId, string creditNote) => $"invoice:{invoiceId}:credit:{creditNote}";

    public static string Payment(string invoiceId, string reference) => $"invoice:{invoiceId}:payment:{reference}";

    /// <summary>A refund's entry: its gateway operation id under the invoice prefix, so one reads back as the other.</summary>
    public static string Refund(string invoiceId, int number) => InvoicePrefix + RefundOperation(invoiceId, number);

    /// <summary>Our operation id for the gateway's side of a refund (its idempotency key and metadata).</summary>
    public static string RefundOperation(string invoiceId, int number) => $"{invoiceId}:refund:{number.ToString(CultureInfo.InvariantCulture)}";

    public static string Payout(string partnerId, string key) => PayoutPrefix + partnerId + ":" + key;

    /// <summary>What kind of gateway movement an entry's key names, with the invoice (or null) and the refund number.</summary>
    public static (string Kind, string? InvoiceId, string? RefundOperation) Read(string key)
    {
        if (key.StartsWith(PayoutPrefix, StringComparison.Ordinal))
        {
            return ("payout", null, null);
        }
        var parts = key.Split(':', 4);
        return parts is ["invoice", var invoice, "payment", _] ? ("payment", invoice, null)
            : parts is ["invoice", var refunded, "refund", _] ? ("refund", refunded, key[InvoicePrefix.Length..])
            : ("other", null, null);
    }
}
