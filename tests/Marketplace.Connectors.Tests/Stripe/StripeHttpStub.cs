using System.Net;
using System.Text;

namespace Marketplace.Connectors.Tests.Stripe;

/// <summary>
/// Stands in for the Stripe endpoints the local server lacks: records each request as sent (method,
/// address, the headers that matter, the form body) and answers with the next queued JSON, shaped as
/// Stripe documents it.
/// </summary>
internal sealed class StripeHttpStub : HttpMessageHandler
{
    private readonly Queue<(HttpStatusCode Status, string Json)> _answers = new();

    public List<SentRequest> Requests { get; } = [];

    public StripeHttpStub Answer(string json, HttpStatusCode status = HttpStatusCode.OK)
    {
        _answers.Enqueue((status, json));
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add(new SentRequest(
            request.Method,
            request.RequestUri!,
            request.Headers.Authorization?.ToString(),
            request.Headers.TryGetValues("Idempotency-Key", out var keys) ? keys.Single() : null,
            request.Content?.Headers.ContentType?.MediaType,
            body));
        if (!_answers.TryDequeue(out var answer))
        {
            throw new InvalidOperationException($"No answer queued for {request.Method} {request.RequestUri}.");
        }
        return new HttpResponseMessage(answer.Status) { Content = new StringContent(answer.Json, Encoding.UTF8, "application/json") };
    }
}

internal sealed record SentRequest(HttpMethod Method, Uri Uri, string? Authorization, string? IdempotencyKey, string? ContentType, string Body)
{
    public string Path => Uri.AbsolutePath;

    public IReadOnlyDictionary<string, string> Form => Decode(Body);

    public IReadOnlyDictionary<string, string> Query => Decode(Uri.Query.TrimStart('?'));

    private static Dictionary<string, string> Decode(string encoded) => encoded.Length == 0
        ? []
        : encoded.Split('&')
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0].Replace('+', ' ')), p => Uri.UnescapeDataString(p[1].Replace('+', ' ')));
}

/// <summary>Sends requests under one path to the stub and everything else to the local Stripe server.</summary>
internal sealed class SplitTransport(string stubbedPath, StripeHttpStub stub) : HttpMessageHandler
{
    private readonly HttpMessageInvoker _stub = new(stub);
    private readonly HttpMessageInvoker _server = new(new SocketsHttpHandler());

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        (request.RequestUri!.AbsolutePath.StartsWith(stubbedPath, StringComparison.Ordinal) ? _stub : _server).SendAsync(request, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stub.Dispose();
            _server.Dispose();
        }
        base.Dispose(disposing);
    }
}
