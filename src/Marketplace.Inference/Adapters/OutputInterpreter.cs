using Marketplace.Inference.Execution;
using Marketplace.Inference.Models;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Marketplace.Inference.Adapters;

/// <summary>What one request gets back from a (possibly batched) run.</summary>
internal sealed record ModelOutputs(OutputKind Kind, float[]? Embedding, IReadOnlyList<LabelScore>? Labels, IReadOnlyList<TensorData>? Tensors);

/// <summary>
/// Reads one row of a run's outputs as the listing declares: embeddings (mean pooling over the
/// attention mask then L2 normalisation, exactly sentence-transformers' Pooling + Normalize, for
/// token outputs; flattened for pooled outputs), softmax labels, or raw tensors.
/// </summary>
internal sealed class OutputInterpreter
{
    private readonly OutputSettings _settings;

    public OutputInterpreter(OutputSettings settings, IReadOnlyList<TensorInfo> outputs)
    {
        _settings = settings;
        if (settings.Kind == OutputKind.Tensors)
        {
            RequestedOutputs = outputs.Select(o => o.Name).ToArray();
            return;
        }
        var output = settings.OutputName is null
            ? outputs[0]
            : outputs.FirstOrDefault(o => o.Name == settings.OutputName)
              ?? throw new ModelLoadException($"the model has no output '{settings.OutputName}'");
        if (output.ElementType is not (TensorElementType.Float or TensorElementType.Double))
        {
            throw new ModelLoadException($"output '{output.Name}' is {TensorArrays.Name(output.ElementType)}; embeddings and labels need float");
        }
        RequestedOutputs = [output.Name];
    }

    /// <summary>The outputs to ask ONNX Runtime for; it skips work for the others.</summary>
    public string[] RequestedOutputs { get; }

    public ModelOutputs Interpret(IReadOnlyList<OrtValue> values, int row, int batchSize, PreparedRow prepared)
    {
        switch (_settings.Kind)
        {
            case OutputKind.Embedding:
                var embeddingData = RowFloats(values[0], row, batchSize, out var embeddingShape);
                return new ModelOutputs(OutputKind.Embedding, Embedding(embeddingData, embeddingShape, prepared.AttentionMask), null, null);
            case OutputKind.Labels:
                var logits = RowFloats(values[0], row, batchSize, out _);
                return new ModelOutputs(OutputKind.Labels, null, TopLabels(logits), null);
            default:
                var tensors = new TensorData[values.Count];
                for (var i = 0; i < values.Count; i++)
                {
                    var (offset, count, shape) = RowSlice(values[i], row, batchSize);
                    tensors[i] = new TensorData(RequestedOutputs[i], shape, TensorArrays.ToDoubles(values[i], offset, count))
                    {
                        ElementType = TensorArrays.Name(values[i].GetTensorTypeAndShape().ElementDataType),
                    };
                }
                return new ModelOutputs(OutputKind.Tensors, null, null, tensors);
        }
    }

    private float[] Embedding(ReadOnlySpan<float> data, long[] shape, long[]? mask)
    {
        float[] vector;
        if (shape.Length == 3 && mask is not null)
        {
            // Token embeddings [1, tokens, hidden]: average the tokens the mask marks as real.
            var tokens = (int)shape[1];
            var hidden = (int)shape[2];
            var sum = new double[hidden];
            double count = 0;
            for (var t = 0; t < tokens; t++)
            {
                var weight = t < mask.Length ? mask[t] : 0;
                if (weight == 0)
                {
                    continue;
                }
                count += weight;
                var token = data.Slice(t * hidden, hidden);
                for (var h = 0; h < hidden; h++)
                {
                    sum[h] += weight * token[h];
                }
            }
            var divisor = Math.Max(count, 1e-9);
            vector = sum.Select(s => (float)(s / divisor)).ToArray();
        }
        else
        {
            vector = data.ToArray();
        }
        if (_settings.Normalize)
        {
            double squares = 0;
            foreach (var v in vector)
            {
                squares += (double)v * v;
            }
            var norm = Math.Max(Math.Sqrt(squares), 1e-12);
            for (var i = 0; i < vector.Length; i++)
            {
                vector[i] = (float)(vector[i] / norm);
            }
        }
        return vector;
    }

    private List<LabelScore> TopLabels(ReadOnlySpan<float> logits)
    {
        var scores = new double[logits.Length];
        if (_settings.ApplySoftmax)
        {
            var max = double.NegativeInfinity;
            foreach (var l in logits)
            {
                max = Math.Max(max, l);
            }
            double total = 0;
            for (var i = 0; i < logits.Length; i++)
            {
                scores[i] = Math.Exp(logits[i] - max);
                total += scores[i];
            }
            for (var i = 0; i < scores.Length; i++)
            {
                scores[i] /= total;
            }
        }
        else
        {
            for (var i = 0; i < logits.Length; i++)
            {
                scores[i] = logits[i];
            }
        }
        return Enumerable.Range(0, scores.Length)
            .OrderByDescending(i => scores[i])
            .ThenBy(i => i)
            .Take(Math.Max(1, _settings.TopK))
            .Select(i => new LabelScore(i, i < _settings.Labels.Count ? _settings.Labels[i] : i.ToString(System.Globalization.CultureInfo.InvariantCulture), (float)scores[i]))
            .ToList();
    }

    private static ReadOnlySpan<float> RowFloats(OrtValue value, int row, int batchSize, out long[] shape)
    {
        (var offset, var count, shape) = RowSlice(value, row, batchSize);
        var type = value.GetTensorTypeAndShape().ElementDataType;
        return type == TensorElementType.Float
            ? value.GetTensorDataAsSpan<float>().Slice((int)offset, (int)count)
            : TensorArrays.ToDoubles(value, offset, count).Select(d => (float)d).ToArray();
    }

    /// <summary>
    /// Where row k lies in an output: a batched run has one row per request along the first
    /// dimension; a run of one request owns the whole output (its first dimension may not be a batch).
    /// </summary>
    private static (long Offset, long Count, long[] Shape) RowSlice(OrtValue value, int row, int batchSize)
    {
        var info = value.GetTensorTypeAndShape();
        var shape = info.Shape;
        if (batchSize == 1)
        {
            return (0, info.ElementCount, shape);
        }
        if (shape.Length == 0 || shape[0] != batchSize)
        {
            throw new InferenceException($"a batched output has shape [{string.Join(", ", shape)}], not {batchSize} rows");
        }
        var rowCount = info.ElementCount / batchSize;
        var rowShape = (long[])shape.Clone();
        rowShape[0] = 1;
        return (row * rowCount, rowCount, rowShape);
    }
}
