namespace Marketplace.Domain.Billing;

/// <summary>What a printed invoice shows.</summary>
public sealed record InvoiceDocument(
    string InvoiceId,
    string CustomerName,
    string Status,
    string? OrderId,
    string Title,
    string Currency,
    IReadOnlyList<InvoiceLine> Lines,
    long TotalMinor,
    long PaidMinor,
    long RefundedMinor,
    DateTimeOffset IssuedAt,
    DateTimeOffset DueAt,
    IReadOnlyList<CreditNoteLine>? CreditNotes = null)
{
    public long CreditedMinor => CreditNotes?.Sum(c => c.AmountMinor) ?? 0;

    public long DueMinor => TotalMinor - PaidMinor - CreditedMinor;
}

/// <summary>A credit note as the printed invoice lists it.</summary>
public sealed record CreditNoteLine(string Number, string Reason, long AmountMinor, DateTimeOffset At);

/// <summary>Prints an invoice for the customer to file and pay (the Documents connector renders a PDF).</summary>
public interface IInvoicePrinter
{
    byte[] Print(InvoiceDocument document);
}
