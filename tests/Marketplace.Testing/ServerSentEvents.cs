using System.Text;
using System.Text.Json.Nodes;

namespace Marketplace.Testing;

public static class ServerSentEvents
{
    /// <summary>Server-sent events as they arrive: (event, data) pairs.</summary>
    public static async IAsyncEnumerable<(string Event, JsonObject Data)> ReadAsync(HttpResponseMessage response)
    {
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        string? name = null;
        var data = new StringBuilder();
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.Length == 0)
            {
                if (name is not null)
                {
                    yield return (name, JsonNode.Parse(data.ToString())!.AsObject());
                }
                (name, data) = (null, new StringBuilder());
            }
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data.Append(line["data: ".Length..]);
            }
        }
    }
}
