using System.Diagnostics;
using System.Net.Http.Json;
using Marketplace.Testing;

namespace Marketplace.Inference.Benchmarks.Generation;

/// <summary>
/// One generation through the host's endpoint as a client sees it: POST with "stream":true, then
/// the server-sent events read as they arrive. Time to first token runs from sending the request
/// to the first token event; decode tokens/s counts the tokens after the first event over the time
/// from it to the last one, as the raw loop counts the tokens after prefill over its decode time.
/// </summary>
internal sealed record StreamedGeneration(IReadOnlyList<int> Tokens, double TimeToFirstTokenMs, double DecodeTokensPerSecond, double ServerTokensPerSecond, double ServerTimeToFirstTokenMs)
{
    public static async Task<StreamedGeneration> RunAsync(HttpClient client, string listing, string prompt, int maxNewTokens)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/sandbox/models/{listing}/generations")
        {
            Content = JsonContent.Create(new { prompt, maxNewTokens, temperature = 0, stream = true }),
        };
        var clock = Stopwatch.StartNew();
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"generation refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        double? first = null;
        var firstEventTokens = 0;
        var last = 0.0;
        await foreach (var (name, data) in ServerSentEvents.ReadAsync(response))
        {
            if (name == "token")
            {
                last = clock.Elapsed.TotalMilliseconds;
                if (first is null)
                {
                    first = last;
                    firstEventTokens = data["ids"]!.AsArray().Count;
                }
            }
            else if (name == "done")
            {
                var tokens = data["tokens"]!.AsArray().Select(t => t!.GetValue<int>()).ToList();
                var decoded = tokens.Count - firstEventTokens;
                var decodeMs = last - (first ?? last);
                return new StreamedGeneration(tokens, first ?? clock.Elapsed.TotalMilliseconds, decoded > 0 && decodeMs > 0 ? decoded * 1000.0 / decodeMs : 0,
                    data["tokensPerSecond"]!.GetValue<double>(), data["timeToFirstTokenMs"]!.GetValue<double>());
            }
        }
        throw new InvalidOperationException("The stream ended without its done event.");
    }
}
