using System.Diagnostics;
using Marketplace.Inference.Adapters;
using Marketplace.Inference.Sessions;
using Microsoft.ML.OnnxRuntime;

namespace Marketplace.Inference.Execution;

/// <summary>
/// The one code path that calls ONNX Runtime, for every device and batch size: stack the rows,
/// wrap the buffers as OrtValues (no copy), run, interpret each row, dispose every OrtValue.
/// </summary>
internal static class BatchRunner
{
    public static (ModelOutputs[] Outputs, double RunMs) Run(LoadedModel model, IReadOnlyList<PreparedRow> rows, RunOptions runOptions)
    {
        var inputs = new OrtValue[model.InputNames.Length];
        try
        {
            for (var i = 0; i < inputs.Length; i++)
            {
                var (data, shape) = rows.Count == 1 ? (rows[0].Data[i], rows[0].Shapes[i]) : Stack(rows, i);
                inputs[i] = TensorArrays.ToOrtValue(data, shape);
            }
            var started = Stopwatch.GetTimestamp();
            using var outputs = model.Session.Run(runOptions, model.InputNames, inputs, model.Interpreter.RequestedOutputs);
            var runMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var values = outputs as IReadOnlyList<OrtValue> ?? outputs.ToArray();
            var results = new ModelOutputs[rows.Count];
            for (var r = 0; r < rows.Count; r++)
            {
                results[r] = model.Interpreter.Interpret(values, r, rows.Count, rows[r]);
            }
            return (results, runMs);
        }
        finally
        {
            foreach (var input in inputs)
            {
                input?.Dispose();
            }
        }
    }

    /// <summary>
    /// Stacks input i of every row along the first dimension. Rows of different token lengths are
    /// zero-padded on the right (pad id 0, attention mask 0), as BERT batching does.
    /// </summary>
    private static (Array Data, long[] Shape) Stack(IReadOnlyList<PreparedRow> rows, int input)
    {
        var first = rows[0].Shapes[input];
        var sameShape = rows.All(r => r.Shapes[input].AsSpan(1).SequenceEqual(first.AsSpan(1)));
        if (!sameShape && !(first.Length == 2 && rows.All(r => r.PadSequences)))
        {
            throw new InvalidOperationException("rows with different shapes cannot share a batch");
        }
        var rowLength = sameShape ? rows[0].Data[input].Length : rows.Max(r => r.Shapes[input][1]);
        var shape = (long[])first.Clone();
        shape[0] = rows.Count;
        if (!sameShape)
        {
            shape[1] = rowLength;
        }
        var buffer = Array.CreateInstance(rows[0].Data[input].GetType().GetElementType()!, checked(rows.Count * (int)rowLength));
        for (var r = 0; r < rows.Count; r++)
        {
            var source = rows[r].Data[input];
            Array.Copy(source, 0, buffer, r * rowLength, source.Length);
        }
        return (buffer, shape);
    }
}
