namespace Marketplace.Domain.Files;

/// <summary>A file type recognised by its first bytes, not by its name.</summary>
public sealed record FileType(string ContentType, IReadOnlyList<string> Extensions);

/// <summary>
/// Recognises the document types partners may upload from their magic bytes, so a renamed
/// executable is never accepted as a PDF.
/// </summary>
public static class FileSignature
{
    public const int HeaderLength = 8;

    public static readonly FileType Pdf = new("application/pdf", [".pdf"]);
    public static readonly FileType Png = new("image/png", [".png"]);
    public static readonly FileType Jpeg = new("image/jpeg", [".jpg", ".jpeg"]);

    public static IReadOnlyList<FileType> DocumentTypes { get; } = [Pdf, Png, Jpeg];

    public static FileType? Detect(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }
        if (header.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }
        if (header.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }
        return null;
    }

    /// <summary>Whether the name's extension agrees with the detected type.</summary>
    public static bool NameMatches(string fileName, FileType type) =>
        type.Extensions.Contains(Path.GetExtension(fileName).ToLowerInvariant());
}
