namespace Marketplace.Portal.Services;

/// <summary>
/// Bytes stored so far, reported by the content store as the upload streams through. Reports come
/// on whatever thread reads the stream, so the callback must marshal to the renderer itself.
/// </summary>
public sealed class UploadProgress(Action<long> onReport) : IProgress<long>
{
    public void Report(long value) => onReport(value);

    /// <summary>Whole percent of <paramref name="total"/>; 0 when the size is unknown.</summary>
    public static int Percent(long sent, long total) => total <= 0 ? 0 : (int)Math.Clamp(sent * 100 / total, 0, 100);
}
