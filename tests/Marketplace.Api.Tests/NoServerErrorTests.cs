using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Marketplace.Api.Tests;

/// <summary>A host of its own: hostile requests from the operator's key may change its state.</summary>
public sealed class HostileRequestsHost : IsolatedHost;

/// <summary>
/// Every operation in the OpenAPI document, anonymous and as the operator admin, with bodies,
/// content types, identifiers and query strings a client should never send: each answer must be a
/// deliberate 2xx/4xx, never a 500.
/// </summary>
public sealed partial class NoServerErrorTests(HostileRequestsHost host) : IClassFixture<HostileRequestsHost>
{
    // As they appear in the URL: an encoded slash and a right-to-left override. (An encoded NUL is
    // refused by Kestrel before routing, and the in-process test server cannot send one.)
    private static readonly string[] Identifiers = ["lst_all-minilm-l6-v2", "org_lumen-ai-labs", "org_operator", "nope", "lst_a%2Fb", "lst_%E2%80%AEx", new string('x', 300)];

    private static readonly string?[] Bodies =
    [
        null, "", "null", "[]", "{}", "123", "\"text\"", "{\"name\":null}", "{\"name\":123,\"type\":\"Alien\"}",
        "{\"texts\":[1,2]}", "{\"kind\":\"Model\",\"partnerId\":\"org_lumen-ai-labs\",\"name\":\"x\",\"pricing\":{\"currency\":\"XXXX\",\"per1kInferencesMinor\":-5}}",
        "{\"a\":" + new string('[', 200) + new string(']', 200) + "}", "{\"reason\":\"" + new string('r', 100_000) + "\"}",
        "{\"dailyTrials\":-1,\"burst\":1e308}", "{\"inputs\":{\"x\":{\"shape\":[1000000,1000000],\"data\":[]}}}",
    ];

    private static readonly string[] ContentTypes = ["application/json", "application/octet-stream", "text/plain", "multipart/form-data; boundary=x"];

    private static readonly string[] Queries = ["", "?page=-1&pageSize=100000", "?q=%FF%FE", "?since=not-a-date", "?ids=" + string.Join(',', Enumerable.Repeat("lst_x", 50)), "?version=working", "?sort=%00"];

    [Fact]
    public async Task No_operation_answers_a_hostile_request_with_a_server_error()
    {
        var factory = host.Factory;
        var document = JsonNode.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json"))!;
        var random = new Random(20261130);
        var clients = new[] { factory.CreateClient(), factory.Admin() };
        var failures = new List<string>();
        var sent = 0;

        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, _) in item!.AsObject())
            {
                foreach (var body in Bodies)
                {
                    foreach (var client in clients)
                    {
                        var url = Parameter().Replace(path, _ => Identifiers[random.Next(Identifiers.Length)])
                                  + Queries[random.Next(Queries.Length)];
                        using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url);
                        if (body is not null)
                        {
                            request.Content = new StringContent(body, Encoding.UTF8);
                            request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(ContentTypes[random.Next(ContentTypes.Length)]);
                        }
                        using var response = await client.SendAsync(request);
                        sent++;
                        if ((int)response.StatusCode >= 500)
                        {
                            failures.Add($"{method.ToUpperInvariant()} {url} body {body?[..Math.Min(body.Length, 60)] ?? "(none)"}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                        }
                    }
                }
            }
        }

        Assert.True(sent > 1000, $"only {sent} requests were sent");
        Assert.Equal("", string.Join(Environment.NewLine, failures.Take(20)));
    }

    [GeneratedRegex("\\{[^}]+\\}")]
    private static partial Regex Parameter();
}
