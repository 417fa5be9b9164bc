using Marketplace.Domain.Listings;

namespace Marketplace.Inference.Validation;

/// <summary>Compares what a partner declared with what the file contains: names, element types, ranks, fixed dims.</summary>
internal static class SchemaCheck
{
    public static IEnumerable<string> Compare(string what, IReadOnlyList<TensorSpec> declared, IReadOnlyList<TensorSpec> actual)
    {
        foreach (var d in declared)
        {
            var a = actual.FirstOrDefault(x => x.Name == d.Name);
            if (a is null)
            {
                yield return $"declared {what} '{ReadableText.Echo(d.Name)}' is not in the model (it has {Names(actual)})";
                continue;
            }
            if (!string.Equals(Canonical(d.ElementType), Canonical(a.ElementType), StringComparison.Ordinal))
            {
                yield return $"{what} '{ReadableText.Echo(d.Name)}' is declared {d.ElementType} but the model has {a.ElementType}";
            }
            if (d.Shape.Count != a.Shape.Count)
            {
                yield return $"{what} '{ReadableText.Echo(d.Name)}' is declared with rank {d.Shape.Count} but the model has rank {a.Shape.Count} [{string.Join(", ", a.Shape)}]";
                continue;
            }
            for (var i = 0; i < d.Shape.Count; i++)
            {
                if (d.Shape[i] >= 0 && a.Shape[i] >= 0 && d.Shape[i] != a.Shape[i])
                {
                    yield return $"{what} '{ReadableText.Echo(d.Name)}' dimension {i} is declared {d.Shape[i]} but the model has {a.Shape[i]}";
                }
            }
        }
        // Every input must be declared, since the sandbox has to feed it; an extra output the
        // listing does not use (a BERT pooler beside the hidden states) is harmless.
        if (what == "input")
        {
            foreach (var a in actual.Where(a => declared.All(d => d.Name != a.Name)))
            {
                yield return $"the model's {what} '{ReadableText.Echo(a.Name)}' is not declared";
            }
        }
    }

    /// <summary>Listings use NumPy-style names (float32, float64); ONNX calls them float and double.</summary>
    private static string Canonical(string elementType) => elementType.ToLowerInvariant() switch
    {
        "float" or "float32" => "float32",
        "double" or "float64" => "float64",
        "half" or "float16" => "float16",
        var other => other,
    };

    private static string Names(IReadOnlyList<TensorSpec> specs) =>
        specs.Count == 0 ? "none" : string.Join(", ", specs.Take(10).Select(s => $"'{ReadableText.Echo(s.Name)}'")) + (specs.Count > 10 ? $" and {specs.Count - 10} more" : "");
}
