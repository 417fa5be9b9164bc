using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Marketplace.Inference.Generation;
using Marketplace.Testing;

namespace Marketplace.Inference.Benchmarks.Generation;

/// <summary>
/// The real host with the benchmark's decoder listed as a vendor would list it (its file, GPT-2's
/// 256 byte tokens as its tokenizer), validated, approved and warmed, so generations are measured
/// through <c>POST /api/v1/sandbox/models/{id}/generations</c> exactly as a buyer calls it.
/// </summary>
internal sealed class GenerationEndpoint : IAsyncDisposable
{
    private readonly HostedTrialEndpoint _host;
    private readonly HttpClient _client;
    private readonly string _listing;

    private GenerationEndpoint(HostedTrialEndpoint host, HttpClient client, string listing)
    {
        _host = host;
        _client = client;
        _listing = listing;
    }

    public static async Task<GenerationEndpoint> StartAsync(string decoderPath, int streams, int threads)
    {
        var settings = new Dictionary<string, string>
        {
            ["Marketplace:Inference:GenerationMaxBatchSize"] = Math.Max(streams, 1).ToString(CultureInfo.InvariantCulture),
        };
        if (threads > 0)
        {
            settings["Marketplace:Inference:CpuIntraOpThreads"] = threads.ToString(CultureInfo.InvariantCulture);
        }
        var host = await HostedTrialEndpoint.StartAsync(settings);
        try
        {
            var clock = Stopwatch.StartNew();
            var client = host.Admin();
            var listing = await HostRequests.PublishGenerationModelAsync(client, new StreamContent(File.OpenRead(decoderPath)),
                JsonSerializer.SerializeToUtf8Bytes(ByteLevelBpeTokenizer.ByteAlphabetVocabulary()),
                "Benchmark decoder", "A generated decoder with seeded random weights: its text is gibberish, its speed is real for its shape");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"host at {host.BaseUrl}: decoder uploaded, validated and approved as {listing} in {clock.Elapsed.TotalSeconds:0.0} s"));
            return new GenerationEndpoint(host, client, listing);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    public Task<StreamedGeneration> GenerateAsync(string prompt, int maxNewTokens) =>
        StreamedGeneration.RunAsync(_client, _listing, prompt, maxNewTokens);

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }
}
