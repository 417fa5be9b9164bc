using Marketplace.Connectors.Documents;
using Marketplace.Domain.Billing;
using PdfSharp.Pdf.IO;

namespace Marketplace.Connectors.Tests.Documents;

public sealed class InvoicePdfTests
{
    private static readonly DateTimeOffset Issued = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static InvoiceDocument Document(int lines, IReadOnlyList<CreditNoteLine>? credits = null) => new(
        "inv_example-1", "Acme Manufacturing", "Open", "ord_example", "Visual inspection: month 1 of 12", "EUR",
        Enumerable.Range(0, lines).Select(i => new InvoiceLine("org_h", "Fjordline (fictional)", $"Line {i}: server lease, month 1 of 12", 100_000, 1_000, false)).ToList(),
        lines * 100_000L, 20_000, 0, Issued, Issued.AddDays(30), credits);

    [Fact]
    public void An_invoice_with_credit_notes_prints_them_and_what_is_still_due()
    {
        var document = Document(3, [new CreditNoteLine("CN-example-1-1", "Late delivery", 5_000, Issued.AddDays(2))]);

        var bytes = new InvoicePdf().Print(document);

        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5));
        using var pdf = PdfReader.Open(new MemoryStream(bytes), PdfDocumentOpenMode.Import);
        Assert.Equal(1, pdf.PageCount);
        Assert.Equal((5_000L, 300_000L - 20_000 - 5_000), (document.CreditedMinor, document.DueMinor));
    }

    [Fact]
    public void A_long_invoice_continues_on_further_pages()
    {
        using var pdf = PdfReader.Open(new MemoryStream(new InvoicePdf().Print(Document(150))), PdfDocumentOpenMode.Import);

        Assert.True(pdf.PageCount >= 3, $"{pdf.PageCount} pages");
    }
}
