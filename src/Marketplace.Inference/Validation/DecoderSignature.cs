using System.Globalization;
using System.Text.RegularExpressions;
using Marketplace.Domain.Listings;
using Marketplace.Inference.Onnx.Decoders;

namespace Marketplace.Inference.Validation;

/// <summary>What <see cref="DecoderSignature.Read"/> concluded: not a decoder, a decoder, or a broken one (reasons).</summary>
public sealed record DecoderCheck(bool IsDecoder, DecoderDescription? Decoder, IReadOnlyList<string> Reasons)
{
    public static readonly DecoderCheck NotADecoder = new(false, null, []);
}

/// <summary>
/// Recognises a decoder by its cache tensors (past_key_values.{i}.key|value in, present.{i}.key|value
/// out) and checks the layout from the names and shapes it declares — the graph's in the validator,
/// the session's metadata when the engine loads it — with nothing hard-coded but the naming scheme:
/// layers are numbered 0…n−1 without gaps, each has a key and a value in and out, past and present
/// agree on KV heads and head size, and logits end in a fixed vocabulary dimension.
/// </summary>
public static partial class DecoderSignature
{
    private const string Float = "float";
    private const string Int64 = "int64";

    public static DecoderCheck Read(IReadOnlyList<TensorSpec> inputs, IReadOnlyList<TensorSpec> outputs, IReadOnlyDictionary<string, string> metadata, int defaultContextLength)
    {
        var past = CacheTensors(inputs, PastName());
        var present = CacheTensors(outputs, PresentName());
        if (past.Count == 0 && present.Count == 0)
        {
            return DecoderCheck.NotADecoder;
        }
        var reasons = new List<string>();
        var byName = inputs.ToDictionary(i => i.Name, StringComparer.Ordinal);
        RequireIds(byName, DecoderNames.InputIds, required: true, reasons);
        RequireIds(byName, DecoderNames.AttentionMask, required: true, reasons);
        var hasPositions = RequireIds(byName, DecoderNames.PositionIds, required: false, reasons);
        foreach (var extra in inputs.Where(i => !IsKnownInput(i.Name)))
        {
            reasons.Add($"decoder input '{ReadableText.Echo(extra.Name)}' is not one the generation loop can feed (it feeds input_ids, attention_mask, position_ids and past_key_values.*)");
        }

        var layers = CheckLayers(past, present, reasons);
        var (kvHeads, headSize) = CheckCacheShapes(past, present, layers, reasons);
        var vocabulary = CheckLogits(outputs, reasons);
        var (context, source) = ContextLength(byName, metadata, defaultContextLength);
        if (reasons.Count > 0)
        {
            return new DecoderCheck(true, null, reasons);
        }
        return new DecoderCheck(true, new DecoderDescription
        {
            Layers = layers,
            KvHeads = kvHeads,
            HeadSize = headSize,
            VocabularySize = vocabulary,
            ContextLength = context,
            ContextLengthSource = source,
            HasPositionIds = hasPositions,
        }, []);
    }

    [GeneratedRegex(@"^past_key_values\.(\d{1,6})\.(key|value)$", RegexOptions.CultureInvariant)]
    private static partial Regex PastName();

    [GeneratedRegex(@"^present\.(\d{1,6})\.(key|value)$", RegexOptions.CultureInvariant)]
    private static partial Regex PresentName();

    private static bool IsKnownInput(string name) =>
        name is DecoderNames.InputIds or DecoderNames.AttentionMask or DecoderNames.PositionIds || PastName().IsMatch(name);

    /// <summary>Cache tensors by (layer, "key"|"value").</summary>
    private static Dictionary<(int Layer, string Part), TensorSpec> CacheTensors(IReadOnlyList<TensorSpec> tensors, Regex pattern)
    {
        var found = new Dictionary<(int, string), TensorSpec>();
        foreach (var tensor in tensors)
        {
            var match = pattern.Match(tensor.Name);
            if (match.Success)
            {
                found[(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), match.Groups[2].Value)] = tensor;
            }
        }
        return found;
    }

    private static bool RequireIds(Dictionary<string, TensorSpec> inputs, string name, bool required, List<string> reasons)
    {
        if (!inputs.TryGetValue(name, out var spec))
        {
            if (required)
            {
                reasons.Add($"the decoder has no '{name}' input");
            }
            return false;
        }
        if (spec.ElementType != Int64 || spec.Shape.Count != 2)
        {
            reasons.Add($"decoder input '{name}' must be int64 [batch, length]; it is {spec.ElementType} {Shape(spec.Shape)}");
        }
        return true;
    }

    /// <summary>The layer count, with a reason for every gap and every key without its value (or past without present).</summary>
    private static int CheckLayers(Dictionary<(int Layer, string Part), TensorSpec> past, Dictionary<(int Layer, string Part), TensorSpec> present, List<string> reasons)
    {
        var numbers = past.Keys.Concat(present.Keys).Select(k => k.Layer).Distinct().Order().ToList();
        var layers = numbers.Count == 0 ? 0 : numbers[^1] + 1;
        var missing = Enumerable.Range(0, layers).Except(numbers).ToList();
        if (missing.Count > 0)
        {
            reasons.Add($"the cache's layer numbering has gaps: layer{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing.Take(10))} missing (found {string.Join(", ", numbers.Take(10))}{(numbers.Count > 10 ? ", …" : "")})");
        }
        foreach (var layer in numbers)
        {
            foreach (var (cache, label) in new[] { (past, "past_key_values"), (present, "present") })
            {
                var hasKey = cache.ContainsKey((layer, "key"));
                var hasValue = cache.ContainsKey((layer, "value"));
                if (hasKey != hasValue)
                {
                    reasons.Add(hasKey
                        ? $"layer {layer} has {label}.{layer}.key but no {label}.{layer}.value"
                        : $"layer {layer} has {label}.{layer}.value but no {label}.{layer}.key");
                }
                else if (!hasKey)
                {
                    reasons.Add(label == "present"
                        ? $"layer {layer} takes a past cache but returns no present.{layer}.key/value"
                        : $"layer {layer} returns a present cache but takes no past_key_values.{layer}.key/value");
                }
            }
            if (reasons.Count > 20)
            {
                break;
            }
        }
        return layers;
    }

    /// <summary>KV heads and head size, which every cache tensor in and out must share, fixed.</summary>
    private static (int KvHeads, int HeadSize) CheckCacheShapes(Dictionary<(int Layer, string Part), TensorSpec> past, Dictionary<(int Layer, string Part), TensorSpec> present, int layers, List<string> reasons)
    {
        long? kvHeads = null;
        long? headSize = null;
        var before = reasons.Count;
        foreach (var tensor in past.Values.Concat(present.Values).OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            if (tensor.ElementType != Float)
            {
                reasons.Add($"cache tensor '{tensor.Name}' is {tensor.ElementType}; the generation loop keeps float32 caches");
                continue;
            }
            if (tensor.Shape.Count != 4)
            {
                reasons.Add($"cache tensor '{tensor.Name}' must be [batch, kv_heads, length, head_size]; it is {Shape(tensor.Shape)}");
                continue;
            }
            if (tensor.Shape[1] <= 0 || tensor.Shape[3] <= 0)
            {
                reasons.Add($"cache tensor '{tensor.Name}' must fix its KV heads and head size; it is {Shape(tensor.Shape)}");
                continue;
            }
            kvHeads ??= tensor.Shape[1];
            headSize ??= tensor.Shape[3];
            if (tensor.Shape[1] != kvHeads || tensor.Shape[3] != headSize)
            {
                reasons.Add($"cache shapes disagree: '{tensor.Name}' is {Shape(tensor.Shape)} but {FirstName(past, present)} has {kvHeads} KV heads of size {headSize}");
            }
            if (tensor.Shape[0] >= 0 || tensor.Shape[2] >= 0)
            {
                reasons.Add($"cache tensor '{tensor.Name}' must leave batch and length dynamic; it is {Shape(tensor.Shape)}");
            }
            if (reasons.Count - before > 10)
            {
                break;
            }
        }
        return layers == 0 || kvHeads is null ? (0, 0) : ((int)Math.Min(kvHeads.Value, int.MaxValue), (int)Math.Min(headSize!.Value, int.MaxValue));
    }

    private static string FirstName(Dictionary<(int Layer, string Part), TensorSpec> past, Dictionary<(int Layer, string Part), TensorSpec> present) =>
        past.Values.Concat(present.Values).OrderBy(t => t.Name, StringComparer.Ordinal).First().Name;

    private static int CheckLogits(IReadOnlyList<TensorSpec> outputs, List<string> reasons)
    {
        var logits = outputs.FirstOrDefault(o => o.Name == DecoderNames.Logits);
        if (logits is null)
        {
            reasons.Add($"the decoder has no 'logits' output (it has {string.Join(", ", outputs.Where(o => !PresentName().IsMatch(o.Name)).Take(5).Select(o => $"'{ReadableText.Echo(o.Name)}'").DefaultIfEmpty("only cache outputs"))})");
            return 0;
        }
        if (logits.ElementType != Float || logits.Shape.Count != 3)
        {
            reasons.Add($"'logits' must be float [batch, length, vocabulary]; it is {logits.ElementType} {Shape(logits.Shape)}");
            return 0;
        }
        if (logits.Shape[2] <= 0)
        {
            reasons.Add($"'logits' does not declare its vocabulary size: its last dimension is dynamic ({Shape(logits.Shape)})");
            return 0;
        }
        return (int)Math.Min(logits.Shape[2], int.MaxValue);
    }

    private static (int Length, string Source) ContextLength(Dictionary<string, TensorSpec> inputs, IReadOnlyDictionary<string, string> metadata, int defaultLength)
    {
        foreach (var key in DecoderNames.ContextLengthMetadataKeys)
        {
            if (metadata.TryGetValue(key, out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var length) && length > 0)
            {
                return (length, $"metadata:{key}");
            }
        }
        if (inputs.TryGetValue(DecoderNames.AttentionMask, out var mask) && mask.Shape.Count == 2 && mask.Shape[1] > 0)
        {
            return ((int)Math.Min(mask.Shape[1], int.MaxValue), DecoderNames.AttentionMask);
        }
        return (defaultLength, "default");
    }

    private static string Shape(IReadOnlyList<long> shape) => "[" + string.Join(", ", shape.Select(d => d < 0 ? "?" : d.ToString(CultureInfo.InvariantCulture))) + "]";
}
