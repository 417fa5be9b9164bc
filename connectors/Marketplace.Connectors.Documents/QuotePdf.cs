using System.Globalization;
using Marketplace.Domain.Money;
using Marketplace.Domain.Solutions;
using PdfSharp.Drawing;
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

    /// <summary>Writes top to bottom, wrapping text and starting a new page when one is full.</summary>
    private sealed class PageWriter(PdfDocument pdf)
    {
        private const double Margin = 48;
        private static readonly double[] Columns = [0, 120, 330, 410, 480];

        private readonly XFont _regular = new(SystemFonts.Family, 9, XFontStyleEx.Regular);
        private readonly XFont _bold = new(SystemFonts.Family, 9, XFontStyleEx.Bold);
        private readonly XFont _heading = new(SystemFonts.Family, 15, XFontStyleEx.Bold);
        private readonly XFont _subheading = new(SystemFonts.Family, 11, XFontStyleEx.Bold);
        private XGraphics? _graphics;
        private PdfPage? _page;
        private double _y;

        private XGraphics Graphics => _graphics ?? NewPage();

        private double Width => (_page ?? Page()).Width.Point - (2 * Margin);

        private PdfPage Page()
        {
            NewPage();
            return _page!;
        }

        public void Heading(string text) => Lines(text, _heading, 0, Width, 20);

        public void Subheading(string text) => Lines(text, _subheading, 0, Width, 15);

        public void Text(string text) => Lines(text, _regular, 0, Width, 12);

        public void Gap() => _y += 8;

        public void Row(string[] cells, bool bold = false)
        {
            var font = bold ? _bold : _regular;
            _ = Graphics;
            var wrapped = cells.Select((cell, i) => Wrap(cell, font, ColumnWidth(i))).ToList();
            var height = wrapped.Max(w => w.Count) * 11;
            EnsureRoom(height);
            for (var i = 0; i < cells.Length; i++)
            {
                var y = _y;
                foreach (var line in wrapped[i])
                {
                    var right = i >= 2;
                    var x = Margin + Columns[i];
                    Graphics.DrawString(line, font, XBrushes.Black, new XRect(x, y, ColumnWidth(i) - 4, 11), right ? XStringFormats.TopRight : XStringFormats.TopLeft);
                    y += 11;
                }
            }
            _y += height + 2;
        }

        public void Finish() => _graphics?.Dispose();

        private double ColumnWidth(int i) => (i + 1 < Columns.Length ? Columns[i + 1] : Width) - Columns[i];

        private void Lines(string text, XFont font, double x, double width, double lineHeight)
        {
            _ = Graphics;
            foreach (var line in Wrap(text, font, width))
            {
                EnsureRoom(lineHeight);
                Graphics.DrawString(line, font, XBrushes.Black, new XRect(Margin + x, _y, width, lineHeight), XStringFormats.TopLeft);
                _y += lineHeight;
            }
        }

        private List<string> Wrap(string text, XFont font, double width)
        {
            var lines = new List<string>();
            var current = "";
            foreach (var word in text.Split(' '))
            {
                var attempt = current.Length == 0 ? word : current + " " + word;
                if (current.Length > 0 && Graphics.MeasureString(attempt, font).Width > width)
                {
                    lines.Add(current);
                    current = word;
                }
                else
                {
                    current = attempt;
                }
            }
            lines.Add(current);
            return lines;
        }

        private void EnsureRoom(double height)
        {
            if (_y + height > _page!.Height.Point - Margin)
            {
                NewPage();
            }
        }

        private XGraphics NewPage()
        {
            _graphics?.Dispose();
            _page = pdf.AddPage();
            _page.Size = PdfSharp.PageSize.A4;
            _graphics = XGraphics.FromPdfPage(_page);
            _y = Margin;
            return _graphics;
        }
    }
}

/// <summary>The machine has no TrueType font to set documents in.</summary>
public sealed class DocumentFontsMissingException()
    : InvalidOperationException("No TrueType font to print documents with: install DejaVu Sans (Debian: fonts-dejavu-core).");
