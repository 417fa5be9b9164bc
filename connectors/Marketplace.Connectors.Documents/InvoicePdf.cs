using Marketplace.Domain.Billing;
using Marketplace.Domain.Money;
using PdfSharp.Pdf;

namespace Marketplace.Connectors.Documents;

/// <summary>An invoice as an A4 PDF: to whom, for which order, when due, its lines, tax, total, what was paid and refunded, and how to pay.</summary>
public sealed class InvoicePdf : IInvoicePrinter
{
    public byte[] Print(InvoiceDocument document)
    {
        if (!SystemFonts.EnsureInstalled())
        {
            throw new DocumentFontsMissingException();
        }
        var pdf = new PdfDocument();
        pdf.Info.Title = $"Invoice {document.InvoiceId}";
        pdf.Info.Author = "Marketplace";
        pdf.Info.Subject = $"Invoice for {document.CustomerName}";
        var writer = new PageWriter(pdf);
        string Money(long minor) => Currency.Format(minor, document.Currency);
        writer.Heading($"Invoice {document.InvoiceId}");
        writer.Text($"To {document.CustomerName} · {document.Status} · issued {document.IssuedAt:yyyy-MM-dd} · due {document.DueAt:yyyy-MM-dd}{(document.OrderId is null ? "" : $" · order {document.OrderId}")}");
        writer.Text(document.Title);
        writer.Gap();
        writer.Subheading("Lines");
        writer.Row(["Partner", "Description", "Amount", "", ""], bold: true);
        foreach (var line in document.Lines)
        {
            writer.Row([line.PartnerName, line.Description, Money(line.AmountMinor), "", ""]);
        }
        writer.Row(["Total", "", Money(document.TotalMinor), "", ""], bold: true);
        if (document.CreditNotes is { Count: > 0 } credits)
        {
            writer.Gap();
            writer.Subheading("Credit notes");
            foreach (var credit in credits)
            {
                writer.Row([credit.Number, $"{credit.At:yyyy-MM-dd} · {credit.Reason}", "−" + Money(credit.AmountMinor), "", ""]);
            }
        }
        writer.Gap();
        writer.Text($"Paid {Money(document.PaidMinor)}; credited {Money(document.CreditedMinor)}; refunded {Money(document.RefundedMinor)}; due {Money(document.DueMinor)}.");
        writer.Text($"Pay by bank transfer to Marketplace Ltd with the reference {document.InvoiceId}; the marketplace pays each partner its share.");
        using var stream = new MemoryStream();
        writer.Finish();
        pdf.Save(stream);
        return stream.ToArray();
    }
}
