using System.Globalization;
using System.Text;
using System.Text.Json;
using Marketplace.Application.Sandbox.Trials;
using Marketplace.Domain.Listings;

namespace Marketplace.Portal.Services;

/// <summary>
/// The JSON a buyer edits to try a tensor model: <c>{"name": {"shape": [...], "data": [...]}}</c>,
/// the body the API takes. Leaving out "data" sends zeros, so large inputs (an image tensor holds
/// 150,528 numbers) stay editable.
/// </summary>
public static class TensorInputs
{
    /// <summary>Above this many values the template leaves "data" out instead of listing zeros.</summary>
    public const int MaxListedValues = 256;

    private const long MaxValues = 1_000_000;

    /// <summary>Zeros of each declared input's shape, dynamic dimensions (-1) taken as 1.</summary>
    public static string Template(IReadOnlyList<TensorSpec> inputs)
    {
        if (inputs.Count == 0)
        {
            return "{\n  \"input\": { \"shape\": [1, 4], \"data\": [0, 0, 0, 0] }\n}";
        }
        var text = new StringBuilder("{\n");
        for (var i = 0; i < inputs.Count; i++)
        {
            var shape = inputs[i].Shape.Select(d => d <= 0 ? 1 : d).ToList();
            var count = shape.Aggregate(1L, (a, d) => a * d);
            text.Append("  ").Append(JsonSerializer.Serialize(inputs[i].Name)).Append(": { \"shape\": [")
                .Append(string.Join(", ", shape.Select(d => d.ToString(CultureInfo.InvariantCulture)))).Append(']');
            if (count <= MaxListedValues)
            {
                text.Append(", \"data\": [").Append(string.Join(", ", Enumerable.Repeat("0", (int)count))).Append(']');
            }
            text.Append(" }").Append(i < inputs.Count - 1 ? ",\n" : "\n");
        }
        return text.Append('}').ToString();
    }

    /// <summary>The named tensors typed, or what is wrong with the text.</summary>
    public static (IReadOnlyDictionary<string, TensorBody>? Inputs, string? Error) Parse(string? json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json ?? "");
        }
        catch (JsonException e)
        {
            return (null, $"Not valid JSON: {e.Message}");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, "Give an object of named tensors: {\"name\": {\"shape\": [1, 4], \"data\": [0, 0, 0, 0]}}.");
            }
            var inputs = new Dictionary<string, TensorBody>(StringComparer.Ordinal);
            foreach (var tensor in document.RootElement.EnumerateObject())
            {
                var (body, error) = Read(tensor);
                if (error is not null)
                {
                    return (null, error);
                }
                inputs[tensor.Name] = body!;
            }
            return inputs.Count == 0 ? (null, "Name at least one input tensor.") : (inputs, null);
        }
    }

    private static (TensorBody? Body, string? Error) Read(JsonProperty tensor)
    {
        var name = tensor.Name;
        if (tensor.Value.ValueKind != JsonValueKind.Object
            || !tensor.Value.TryGetProperty("shape", out var shapeJson) || shapeJson.ValueKind != JsonValueKind.Array)
        {
            return (null, $"'{name}' needs a \"shape\" array.");
        }
        var shape = new List<long>();
        foreach (var d in shapeJson.EnumerateArray())
        {
            if (d.ValueKind != JsonValueKind.Number || !d.TryGetInt64(out var dimension) || dimension <= 0)
            {
                return (null, $"The shape of '{name}' must hold positive whole numbers.");
            }
            shape.Add(dimension);
        }
        var count = 1L;
        foreach (var d in shape)
        {
            count *= d;
            if (count > MaxValues)
            {
                return (null, $"'{name}' holds more than {MaxValues:N0} values.");
            }
        }
        if (!tensor.Value.TryGetProperty("data", out var dataJson) || dataJson.ValueKind == JsonValueKind.Null)
        {
            return (new TensorBody(shape, new double[count]), null);
        }
        if (dataJson.ValueKind != JsonValueKind.Array)
        {
            return (null, $"The data of '{name}' must be an array of numbers.");
        }
        var data = new List<double>();
        foreach (var v in dataJson.EnumerateArray())
        {
            if (v.ValueKind != JsonValueKind.Number)
            {
                return (null, $"The data of '{name}' must hold numbers only.");
            }
            data.Add(v.GetDouble());
        }
        return data.Count == count
            ? (new TensorBody(shape, data), null)
            : (null, $"'{name}' has shape [{string.Join(", ", shape)}], which takes {count:N0} values; the data has {data.Count:N0}.");
    }
}
