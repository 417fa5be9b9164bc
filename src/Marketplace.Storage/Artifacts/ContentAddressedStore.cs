using System.Security.Cryptography;
using Marketplace.Abstractions.Files;

namespace Marketplace.Storage.Artifacts;

/// <summary>
/// Files stored by the SHA-256 of their content under <c>root/ab/abcdef…</c>. Content is streamed
/// to a temporary file while it is hashed (never buffered whole), flushed to disk, then renamed
/// into place, so a reader never sees a partial file and the same bytes are stored once.
/// </summary>
public sealed class ContentAddressedStore : IContentStore
{
    private const int BufferSize = 1 << 16;

    public ContentAddressedStore(string root)
    {
        Root = System.IO.Path.GetFullPath(root);
        Directory.CreateDirectory(System.IO.Path.Combine(Root, "tmp"));
    }

    public string Root { get; }

    public async Task<StoredFile> PutAsync(Stream content, long maxBytes, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var temp = System.IO.Path.Combine(Root, "tmp", Guid.NewGuid().ToString("N"));
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long total = 0;
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true))
            {
                var buffer = new byte[BufferSize];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    total += read;
                    if (total > maxBytes)
                    {
                        throw new ContentTooLargeException(maxBytes);
                    }
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    progress?.Report(total);
                }
                await file.FlushAsync(cancellationToken);
                file.Flush(flushToDisk: true);
            }
            var sha = Convert.ToHexStringLower(hash.GetHashAndReset());
            var target = PathOf(sha);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            if (File.Exists(target))
            {
                File.Delete(temp);
            }
            else
            {
                File.Move(temp, target, overwrite: true);
            }
            return new StoredFile(sha, total);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    public bool Exists(string sha256) => IsSha256(sha256) && File.Exists(PathOf(sha256));

    public Stream OpenRead(string sha256) =>
        new FileStream(PathOf(sha256), FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, useAsync: true);

    public string PathOf(string sha256)
    {
        if (!IsSha256(sha256))
        {
            throw new ArgumentException("Not a lowercase hex SHA-256.", nameof(sha256));
        }
        return System.IO.Path.Combine(Root, sha256[..2], sha256);
    }

    private static bool IsSha256(string value) =>
        value.Length == 64 && value.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}
