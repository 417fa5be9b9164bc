using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Marketplace.Connectors.Documents;

/// <summary>Writes top to bottom, wrapping text and starting a new page when one is full.</summary>
internal sealed class PageWriter(PdfDocument pdf)
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
