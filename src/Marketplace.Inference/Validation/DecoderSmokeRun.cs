using System.Globalization;
using Marketplace.Inference.Onnx.Decoders;
using Microsoft.ML.OnnxRuntime;

namespace Marketplace.Inference.Validation;

/// <summary>
/// Runs a decoder once the way the generation loop will — one new token after a one-token cache —
/// and checks it answers in the declared layout: logits [1, 1, vocabulary] and every present cache
/// [1, kv_heads, 2, head_size]. A model whose declared names look right but whose cache does not grow
/// by one token per step is refused here rather than in a buyer's trial.
/// </summary>
internal static class DecoderSmokeRun
{
    public static string? Run(InferenceSession session, DecoderDescription decoder)
    {
        var values = new List<OrtValue>();
        try
        {
            var names = new List<string>();
            void Add(string name, OrtValue value)
            {
                names.Add(name);
                values.Add(value);
            }
            Add(DecoderNames.InputIds, OrtValue.CreateTensorValueFromMemory(new long[1], [1, 1]));
            Add(DecoderNames.AttentionMask, OrtValue.CreateTensorValueFromMemory(new long[] { 1, 1 }, [1, 2]));
            if (decoder.HasPositionIds)
            {
                Add(DecoderNames.PositionIds, OrtValue.CreateTensorValueFromMemory(new long[] { 1 }, [1, 1]));
            }
            long[] pastShape = [1, decoder.KvHeads, 1, decoder.HeadSize];
            for (var layer = 0; layer < decoder.Layers; layer++)
            {
                Add(DecoderNames.PastKey(layer), OrtValue.CreateTensorValueFromMemory(new float[decoder.KvHeads * decoder.HeadSize], pastShape));
                Add(DecoderNames.PastValue(layer), OrtValue.CreateTensorValueFromMemory(new float[decoder.KvHeads * decoder.HeadSize], pastShape));
            }
            var outputNames = new List<string> { DecoderNames.Logits };
            for (var layer = 0; layer < decoder.Layers; layer++)
            {
                outputNames.Add(DecoderNames.PresentKey(layer));
                outputNames.Add(DecoderNames.PresentValue(layer));
            }
            using var runOptions = new RunOptions();
            using var outputs = session.Run(runOptions, names, values, outputNames);
            var i = 0;
            foreach (var output in outputs)
            {
                long[] expected = i == 0 ? [1, 1, decoder.VocabularySize] : [1, decoder.KvHeads, 2, decoder.HeadSize];
                var actual = output.GetTensorTypeAndShape().Shape;
                if (!actual.SequenceEqual(expected))
                {
                    return $"run with a one-token cache, '{outputNames[i]}' came out {Shape(actual)} where {Shape(expected)} was expected"
                        + (i == 0 ? "" : ": the cache must grow by exactly the new tokens");
                }
                i++;
            }
            return null;
        }
        finally
        {
            foreach (var value in values)
            {
                value.Dispose();
            }
        }
    }

    private static string Shape(long[] shape) => "[" + string.Join(", ", shape.Select(d => d.ToString(CultureInfo.InvariantCulture))) + "]";
}
