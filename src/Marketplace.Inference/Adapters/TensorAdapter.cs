using Marketplace.Inference.Execution;
using Marketplace.Inference.Models;

namespace Marketplace.Inference.Adapters;

/// <summary>
/// Raw tensors by name, converted to each input's element type. Shapes must match the model's
/// fixed dimensions; inputs with a batch dimension of 1 can be batched with same-shaped requests.
/// </summary>
internal sealed class TensorAdapter(IReadOnlyList<TensorInfo> inputs, bool batchable) : IInputAdapter
{
    public PreparedRow Prepare(ModelInput input, InputLimits limits)
    {
        if (input is not TensorInput { Tensors: var tensors })
        {
            throw new InputRejectedException("this model takes tensors");
        }
        var total = tensors.Sum(t => (long)t.Data.Count);
        if (total > limits.MaxTensorElements)
        {
            throw new InputRejectedException($"the input has {total} elements; the limit is {limits.MaxTensorElements}");
        }
        var data = new Array[inputs.Count];
        var shapes = new long[inputs.Count][];
        for (var i = 0; i < inputs.Count; i++)
        {
            var info = inputs[i];
            var given = tensors.FirstOrDefault(t => t.Name == info.Name)
                ?? throw new InputRejectedException($"input '{info.Name}' is missing");
            shapes[i] = CheckShape(info, given);
            data[i] = TensorArrays.FromDoubles(info.ElementType, given.Data, info.Name);
        }
        var unknown = tensors.Select(t => t.Name).Except(inputs.Select(i => i.Name)).FirstOrDefault();
        if (unknown is not null)
        {
            throw new InputRejectedException($"the model has no input '{unknown}'");
        }
        var rowsOfOne = shapes.All(s => s.Length > 0 && s[0] == 1);
        return new PreparedRow
        {
            Data = data,
            Shapes = shapes,
            BatchKey = batchable && rowsOfOne ? string.Join(";", shapes.Select(s => string.Join(",", s.Skip(1)))) : null,
        };
    }

    private static long[] CheckShape(TensorInfo info, TensorData given)
    {
        var shape = given.Shape.ToArray();
        if (shape.Length != info.Dims.Length)
        {
            throw new InputRejectedException($"input '{info.Name}' has rank {shape.Length}; the model expects rank {info.Dims.Length}");
        }
        long count = 1;
        for (var d = 0; d < shape.Length; d++)
        {
            if (shape[d] < 0 || (info.Dims[d] >= 0 && info.Dims[d] != shape[d]))
            {
                throw new InputRejectedException($"input '{info.Name}' has shape [{string.Join(", ", shape)}]; the model expects [{string.Join(", ", info.Dims)}] (-1 = any)");
            }
            count = checked(count * shape[d]);
        }
        if (count != given.Data.Count)
        {
            throw new InputRejectedException($"input '{info.Name}' has {given.Data.Count} values but its shape holds {count}");
        }
        return shape;
    }
}
