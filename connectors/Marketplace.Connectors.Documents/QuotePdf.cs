using System.Globalization;
using Marketplace.Domain.Money;
using Marketplace.Domain.Solutions;
using PdfSharp.Pdf;

namespace Marketplace.Connectors.Documents;

/// <summary>
/// A quote as an A4 PDF: who it is for and until when it holds, the requirements it answers, the
/// solution and how it was sized, one line per partner with its share and the platform's, the
/// total, unit costs, and the terms (take rate, tax, exchange rates) it was priced under.
/// </summary>
public sealed class QuotePdf : IQuotePrinter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public byte[] Print(QuoteDocument document)
    {
        if (!SystemFonts.EnsureInstalled())
        {
            throw new DocumentFontsMissingException();
        }
        var version = document.Version;
        var pdf = new PdfDocument();
        pdf.Info.Title = $"Quote {document.QuoteId} version {version.Number}";
        pdf.Info.Author = "Marketplace";
        pdf.Info.Subject = $"Quote for {document.CustomerName}";
        var writer = new PageWriter(pdf);
        writer.Heading($"Quote {document.QuoteId} · version {version.Number}");
        writer.Text($"For {document.CustomerName} · {document.Status} · issued {version.IssuedAt:yyyy-MM-dd HH:mm} UTC · valid until {version.ValidUntil:yyyy-MM-dd HH:mm} UTC");
        writer.Gap();

        var r = version.Requirements;
        writer.Subheading("Requirements");
        writer.Text($"Industry {r.Industry}{(r.ScenarioId is null ? "" : $", scenario {r.ScenarioId}")}; {r.PeakRequestsPerSecond.ToString("0.##", Invariant)} requests/s at peak, p95 within {r.LatencyP95Ms.ToString("0.##", Invariant)} ms; {r.Deployment} deployment in {r.Region}; {r.TermMonths} months{(r.Redundancy ? "; one spare server (N+1)" : "")}.");
        writer.Text($"Roles: {string.Join(", ", r.Roles.Select(x => $"{x.Role} ({x.Task})"))}; {r.InputTokens} input and {r.OutputTokens} output tokens per request.");
        writer.Gap();

        writer.Subheading("Solution");
        foreach (var model in version.Models)
        {
            var factor = model.EfficiencyFactor is { } f ? $", {f.ToString("P0", Invariant)} of its roofline" : "";
            writer.Text($"{model.Role}: {model.Listing.Name} {model.Listing.Version}: {model.PerServerPerSecond.ToString("0.##", Invariant)} requests/s per server, {model.Basis}{factor}, bound by {model.BoundBy}.");
        }
        writer.Text($"Hardware: {version.HardwareUnits} × {version.Hardware.Name} {version.Hardware.Version}".TrimEnd() + ".");
        writer.Text($"Integrator: {version.Integrator.Name} {version.Integrator.Version}.");
        writer.Gap();

        writer.Subheading("Lines");
        writer.Row(["Partner", "Description", "Amount", "Partner share", "Platform share"], bold: true);
        foreach (var line in version.Lines)
        {
            writer.Row([line.PartnerName, line.Description, Money(line.AmountMinor, version.Currency), Money(line.PartnerShareMinor, version.Currency), Money(line.PlatformShareMinor, version.Currency)]);
        }
        writer.Row(["Total", "", Money(version.TotalMinor, version.Currency), "", ""], bold: true);
        writer.Gap();

        writer.Subheading("Unit costs and terms");
        writer.Text($"Cost per 1k inferences: {Currency.FormatFraction(version.CostPer1kMinor, version.Currency)}{(version.CostPer1MOutputTokensMinor is { } perM ? $"; per 1M output tokens: {Currency.FormatFraction(perM, version.Currency)}" : "")}.");
        writer.Text($"Platform take rate {(version.TakeRateBasisPoints / 100m).ToString("0.##", Invariant)} % of each partner line (included in the prices above); tax {(version.TaxRateBasisPoints / 100m).ToString("0.##", Invariant)} %.");
        foreach (var rate in version.ExchangeRates)
        {
            writer.Text($"Exchange rate: 1 {rate.From} = {(rate.Micros / 1_000_000m).ToString("0.######", Invariant)} {rate.To} (operator's table, set {rate.SetAt:yyyy-MM-dd}).");
        }
        using var stream = new MemoryStream();
        writer.Finish();
        pdf.Save(stream);
        return stream.ToArray();
    }

    private static string Money(long minor, string currency) => Currency.Format(minor, currency);
}

/// <summary>The machine has no TrueType font to set documents in.</summary>
public sealed class DocumentFontsMissingException()
    : InvalidOperationException("No TrueType font to print documents with: install DejaVu Sans (Debian: fonts-dejavu-core).");
