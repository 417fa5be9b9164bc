namespace Marketplace.Portal.Components.Sandbox;

/// <summary>An image chosen for a trial: its bytes as sent, and what to call it.</summary>
public sealed record ImagePick(string Name, byte[] Bytes, string ContentType)
{
    /// <summary>Previews above this size are skipped: a data URL goes through the circuit as text.</summary>
    public const int MaxPreviewBytes = 2 * 1024 * 1024;

    public string? PreviewUrl => Bytes.Length <= MaxPreviewBytes ? $"data:{ContentType};base64,{Convert.ToBase64String(Bytes)}" : null;

    /// <summary>PNG or JPEG by their first bytes; null for anything else.</summary>
    public static string? ContentTypeOf(ReadOnlySpan<byte> head) =>
        head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]) ? "image/png"
        : head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : null;
}
