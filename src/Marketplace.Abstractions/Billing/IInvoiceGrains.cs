using Marketplace.Domain.Billing;

namespace Marketplace.Abstractions.Billing;

public enum InvoiceStatus
{
    Draft,
    Open,
    Paid,
    Void,
    Uncollectible,
}

/// <summary>
/// One invoice (key: invoice id). Issuing books it on its currency's ledger; payments and refunds
/// are booked there too, split between the partners and the platform as the quote agreed.
/// </summary>
[Alias("Marketplace.IInvoiceGrain")]
public interface IInvoiceGrain : IGrainWithStringKey
{
    /// <summary>Idempotent: an invoice issued again (a retried acceptance) is the invoice already there.</summary>
    [Alias("IssueAsync")]
    Task<InvoiceSnapshot> IssueAsync(InvoiceDraft draft);

    [Alias("GetAsync")]
    Task<InvoiceSnapshot?> GetAsync();

    /// <summary>Records a payment; the same reference again is the same payment. Paying a paid invoice, or more than is due, is a conflict.</summary>
    [Alias("PayAsync")]
    Task<InvoiceSnapshot> PayAsync(string method, long amountMinor, string reference, string actor);

    /// <summary>Voids an open invoice nothing was paid on: its booking is reversed in full. Anything else is a conflict.</summary>
    [Alias("VoidAsync")]
    Task<InvoiceSnapshot> VoidAsync(string reason, string actor);

    /// <summary>Refunds part or all of what was paid, clawing the partners' shares back proportionally; more than was paid is a conflict.</summary>
    [Alias("RefundAsync")]
    Task<InvoiceSnapshot> RefundAsync(long amountMinor, string reason, string actor);

    /// <summary>
    /// Issues a credit note: part of what is still owed is no longer owed, each unpaid share reduced in
    /// proportion. Numbered per invoice; more than is outstanding is a conflict (refund a paid part).
    /// </summary>
    [Alias("CreditAsync")]
    Task<InvoiceSnapshot> CreditAsync(long amountMinor, string reason, string actor);

    /// <summary>Writes off what an overdue invoice still owes (a credit note for the rest) and marks it Uncollectible.</summary>
    [Alias("MarkUncollectibleAsync")]
    Task<InvoiceSnapshot> MarkUncollectibleAsync(string reason, string actor);

    /// <summary>Records an overdue reminder when the invoice is open past its due date; its reminder calls it weekly from the due date.</summary>
    [Alias("RemindIfOverdueAsync")]
    Task<InvoiceSnapshot?> RemindIfOverdueAsync();
}

[GenerateSerializer, Immutable, Alias("Marketplace.InvoiceCreditNote")]
public sealed record InvoiceCreditNote(
    [property: Id(0)] string Number,
    [property: Id(1)] long AmountMinor,
    [property: Id(2)] string Reason,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] string RecordedBy);

/// <summary>A reminder sent for an overdue invoice: when, and how many days past due it was.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.OverdueReminder")]
public sealed record OverdueReminder([property: Id(0)] DateTimeOffset At, [property: Id(1)] int DaysOverdue, [property: Id(2)] long DueMinor);

[GenerateSerializer, Immutable, Alias("Marketplace.InvoiceDraft")]
public sealed record InvoiceDraft(
    [property: Id(0)] string OrganizationId,
    [property: Id(1)] string? OrderId,
    [property: Id(2)] string Currency,
    [property: Id(3)] string Title,
    [property: Id(4)] IReadOnlyList<InvoiceLine> Lines,
    [property: Id(5)] DateTimeOffset IssuedAt,
    [property: Id(6)] DateTimeOffset DueAt);

[GenerateSerializer, Immutable, Alias("Marketplace.InvoicePayment")]
public sealed record InvoicePayment(
    [property: Id(0)] string Method,
    [property: Id(1)] long AmountMinor,
    [property: Id(2)] string Reference,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] string RecordedBy);

[GenerateSerializer, Immutable, Alias("Marketplace.InvoiceRefund")]
public sealed record InvoiceRefund(
    [property: Id(0)] long AmountMinor,
    [property: Id(1)] string Reason,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string RecordedBy);

[GenerateSerializer, Immutable, Alias("Marketplace.InvoiceSnapshot")]
public sealed record InvoiceSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] string OrganizationId,
    [property: Id(2)] string? OrderId,
    [property: Id(3)] string Currency,
    [property: Id(4)] InvoiceStatus Status,
    [property: Id(5)] string Title,
    [property: Id(6)] IReadOnlyList<InvoiceLine> Lines,
    [property: Id(7)] long TotalMinor,
    [property: Id(8)] long PaidMinor,
    [property: Id(9)] long RefundedMinor,
    [property: Id(10)] DateTimeOffset IssuedAt,
    [property: Id(11)] DateTimeOffset DueAt,
    [property: Id(12)] IReadOnlyList<InvoicePayment> Payments,
    [property: Id(13)] IReadOnlyList<InvoiceRefund> Refunds,
    [property: Id(14)] string? VoidReason = null,
    [property: Id(15)] IReadOnlyList<InvoiceCreditNote>? CreditNotes = null,
    [property: Id(16)] IReadOnlyList<OverdueReminder>? Reminders = null,
    [property: Id(17)] string? UncollectibleReason = null)
{
    public long CreditedMinor => CreditNotes?.Sum(c => c.AmountMinor) ?? 0;

    public long DueMinor => TotalMinor - PaidMinor - CreditedMinor;

    /// <summary>Open with money due after its due date.</summary>
    public bool IsOverdue(DateTimeOffset now) => Summary.DaysOverdue(now) is not null;

    public InvoiceSummary Summary => new(Id, OrganizationId, OrderId, Currency, Status, Title, TotalMinor, DueMinor, IssuedAt, DueAt);
}

[GenerateSerializer, Immutable, Alias("Marketplace.InvoiceSummary")]
public sealed record InvoiceSummary(
    [property: Id(0)] string Id,
    [property: Id(1)] string OrganizationId,
    [property: Id(2)] string? OrderId,
    [property: Id(3)] string Currency,
    [property: Id(4)] InvoiceStatus Status,
    [property: Id(5)] string Title,
    [property: Id(6)] long TotalMinor,
    [property: Id(7)] long DueMinor,
    [property: Id(8)] DateTimeOffset IssuedAt,
    [property: Id(9)] DateTimeOffset DueAt)
{
    /// <summary>Whole days past due while the invoice is open with money due after its due date; otherwise null.</summary>
    public int? DaysOverdue(DateTimeOffset now) =>
        Status == InvoiceStatus.Open && DueMinor > 0 && now > DueAt ? (int)(now - DueAt).TotalDays : null;
}

/// <summary>An organisation's invoices as a list (key: organisation id; <see cref="Everyone"/> for operators).</summary>
[Alias("Marketplace.IInvoiceBookGrain")]
public interface IInvoiceBookGrain : IGrainWithStringKey
{
    public const string Everyone = "*";

    [Alias("RecordAsync")]
    Task RecordAsync(InvoiceSummary invoice);

    [Alias("ListAsync")]
    Task<IReadOnlyList<InvoiceSummary>> ListAsync();
}
