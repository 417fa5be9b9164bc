using System.Diagnostics;
using System.Text.Json;

namespace Marketplace.Benchmarks.Search;

/// <summary>
/// GET {base}/api/v1/catalog/search on a running host. The host must hold the same generated catalog
/// for the totals (and the comparison) to mean anything; the run reports disagreeing totals.
/// </summary>
public sealed class HttpSearchTarget(Uri baseUrl) : ISearchTarget
{
    private readonly HttpClient _client = new() { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };

    public string Name => $"HTTP {baseUrl}";

    public async Task<TargetRun> RunAsync(BenchQuery query, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await _client.GetAsync(new Uri("api/v1/catalog/search" + query.ToQueryString(), UriKind.Relative), cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        response.EnsureSuccessStatusCode();
        return new TargetRun(elapsed, TotalOf(body));
    }

    private static int? TotalOf(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("total", out var total) && total.TryGetInt32(out var value) ? value : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }
}
