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
    DateTimeOffset DueAt);

/// <summary>Prints an invoice for the customer to file and pay (the Documents connector renders a PDF).</summary>
public interface IInvoicePrinter
{
    byte[] Print(InvoiceDocument document);
}
