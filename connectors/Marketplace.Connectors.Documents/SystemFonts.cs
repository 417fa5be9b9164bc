using PdfSharp.Fonts;

namespace Marketplace.Connectors.Documents;

/// <summary>
/// Gives PDFsharp the TrueType files documents are set in: DejaVu Sans from the machine's fonts
/// (Debian's fonts-dejavu-core, which ./test.sh installs), or Arial on Windows. PDFsharp's Core build
/// finds no fonts of its own on Linux, so without one a document cannot be printed and says why.
/// </summary>
public sealed class SystemFonts : IFontResolver
{
    public const string Family = "Document Sans";

    private static readonly string[] Directories =
    [
        "/usr/share/fonts/truetype/dejavu",
        "/usr/share/fonts/dejavu",
        "/usr/local/share/fonts",
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.Windows), "Fonts"),
        "/Library/Fonts",
    ];

    private static readonly (string Face, string[] Files)[] Faces =
    [
        ("regular", ["DejaVuSans.ttf", "arial.ttf", "Arial.ttf"]),
        ("bold", ["DejaVuSans-Bold.ttf", "arialbd.ttf", "Arial Bold.ttf"]),
    ];

    private static readonly Lock Gate = new();
    private static bool _installed;

    private readonly Dictionary<string, string> _paths = new(StringComparer.Ordinal);

    private SystemFonts()
    {
        foreach (var (face, files) in Faces)
        {
            var path = Directories.SelectMany(d => files.Select(f => Path.Combine(d, f))).FirstOrDefault(File.Exists);
            if (path is not null)
            {
                _paths[face] = path;
            }
        }
    }

    /// <summary>Installs the resolver once per process; false when the machine has no usable font.</summary>
    public static bool EnsureInstalled()
    {
        lock (Gate)
        {
            if (_installed)
            {
                return true;
            }
            var fonts = new SystemFonts();
            if (!fonts._paths.ContainsKey("regular"))
            {
                return false;
            }
            GlobalFontSettings.FontResolver = fonts;
            _installed = true;
            return true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold && _paths.ContainsKey("bold") ? "bold" : "regular", mustSimulateBold: bold && !_paths.ContainsKey("bold"), mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName) => File.ReadAllBytes(_paths[faceName]);
}
