using Marketplace.Connectors.Documents;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Money;
using Marketplace.Domain.Solutions;
using PdfSharp.Pdf.IO;

namespace Marketplace.Connectors.Tests.Documents;

public sealed class QuotePdfTests
{
    private static QuoteVersion Version(int lines) => new()
    {
        Number = 2,
        IssuedAt = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero),
        ValidUntil = new DateTimeOffset(2026, 12, 31, 9, 0, 0, TimeSpan.Zero),
        Requirements = new SolutionRequirements
        {
            Industry = "finance", Roles = [new SolutionRole("retrieval", "text-embedding"), new SolutionRole("generation", "text-generation")],
            PeakRequestsPerSecond = 20, LatencyP95Ms = 15_000, Deployment = DeploymentOption.Private, Region = "DE", TermMonths = 36, Currency = "EUR",
        },
        Models =
        [
            new QuotedModel("retrieval", "text-embedding", new QuotedListing("lst_e", "BGE-M3", "1.0.0", "org_m"), SizingBasis.Measured, Bounds.Measured, 400, null, null),
            new QuotedModel("generation", "text-generation", new QuotedListing("lst_g", "Llama 3.1 8B Instruct", "1.0.0", "org_m"), SizingBasis.Estimated, Bounds.MemoryBandwidth, 9.8, 0.25, 2940),
        ],
        Integrator = new QuotedListing("lst_i", "Bank assistant roll-out", "1.0.0", "org_i"),
        Hardware = new QuotedListing("lst_h", "8 × H100 server", "1.0.0", "org_h"),
        HardwareUnits = 3,
        Currency = "EUR",
        TotalMinor = lines * 1_000_000L,
        Lines = Enumerable.Range(0, lines).Select(i => new QuoteLine("org_h", "Orbit Compute (fictional)", "lst_h", LineKind.Hardware,
            $"Line {i}: a description long enough to wrap across the description column of the table on the page", 1_000_000, 900_000, 100_000)).ToList(),
        TakeRateBasisPoints = 1000,
        TaxRateBasisPoints = 1900,
        ExchangeRates = [new ExchangeRate("USD", "EUR", 921_659, new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero))],
        CostPer1kMinor = 12,
        CostPer1MOutputTokensMinor = 919,
        Basis = SizingBasis.Estimated,
        BoundBy = Bounds.MemoryBandwidth,
    };

    [Fact]
    public void A_quote_prints_as_a_pdf_titled_with_its_id_and_version()
    {
        var bytes = new QuotePdf().Print(new QuoteDocument("qte_example", "Acme Bank", QuoteStatus.Open, Version(6)));

        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5));
        using var pdf = PdfReader.Open(new MemoryStream(bytes), PdfDocumentOpenMode.Import);
        Assert.Equal("Quote qte_example version 2", pdf.Info.Title);
        Assert.Equal(1, pdf.PageCount);
    }

    [Fact]
    public void A_long_quote_continues_on_further_pages()
    {
        var bytes = new QuotePdf().Print(new QuoteDocument("qte_long", "Acme Bank", QuoteStatus.Open, Version(120)));

        using var pdf = PdfReader.Open(new MemoryStream(bytes), PdfDocumentOpenMode.Import);
        Assert.True(pdf.PageCount >= 3, $"{pdf.PageCount} pages");
    }
}
