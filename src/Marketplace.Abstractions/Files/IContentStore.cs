namespace Marketplace.Abstractions.Files;

/// <summary>A file kept by the SHA-256 of its bytes.</summary>
public sealed record StoredFile(string Sha256, long SizeBytes);

/// <summary>Thrown when content exceeds the size the caller allowed; nothing is kept.</summary>
public sealed class ContentTooLargeException(long limitBytes)
    : Exception($"The content exceeds the limit of {limitBytes} bytes.")
{
    public long LimitBytes { get; } = limitBytes;
}

/// <summary>
/// Content-addressed file storage (compliance documents, model artifacts). Content is streamed,
/// never buffered whole; the same bytes are stored once.
/// </summary>
public interface IContentStore
{
    Task<StoredFile> PutAsync(Stream content, long maxBytes, IProgress<long>? progress, CancellationToken cancellationToken);

    bool Exists(string sha256);

    Stream OpenRead(string sha256);

    /// <summary>The file's path on this machine (for tools that need a path, such as validators).</summary>
    string PathOf(string sha256);
}
