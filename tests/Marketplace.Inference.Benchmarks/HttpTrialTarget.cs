using System.Text;
using Marketplace.Inference.Benchmarking;

namespace Marketplace.Inference.Benchmarks;

/// <summary>
/// The host's trial endpoint as a target (the lead wires the path and body when the endpoint
/// exists): POST <c>{base}{path}</c> with a JSON body and, if set, MARKETPLACE_API_KEY as a bearer key.
/// </summary>
internal sealed class HttpTrialTarget(Uri baseUrl, string path, string jsonBody) : ITrialTarget, IDisposable
{
    private readonly HttpClient _client = Create(baseUrl);

    public string Name => $"HTTP {path}";

    public async Task<double> RunOnceAsync()
    {
        using var content = new StringContent(jsonBody, Encoding.UTF8, "application/json");
        using var response = await _client.PostAsync(new Uri(path.TrimStart('/'), UriKind.Relative), content).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return 1;
    }

    public void Dispose() => _client.Dispose();

    private static HttpClient Create(Uri baseUrl)
    {
        var client = new HttpClient { BaseAddress = new Uri(baseUrl.ToString().TrimEnd('/') + "/") };
        var key = Environment.GetEnvironmentVariable("MARKETPLACE_API_KEY");
        if (!string.IsNullOrEmpty(key))
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        }
        return client;
    }
}
