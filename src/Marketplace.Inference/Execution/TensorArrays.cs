using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Marketplace.Inference.Execution;

/// <summary>
/// Typed managed buffers for the element types the sandbox accepts, and their conversion to and
/// from OrtValues. Inputs are wrapped without copying (the array is pinned for the OrtValue's life).
/// </summary>
internal static class TensorArrays
{
    public static bool IsSupported(TensorElementType type) => type is TensorElementType.Float or TensorElementType.Double
        or TensorElementType.Int64 or TensorElementType.Int32 or TensorElementType.UInt8 or TensorElementType.Int8
        or TensorElementType.Bool;

    public static Array Allocate(TensorElementType type, int length) => type switch
    {
        TensorElementType.Float => new float[length],
        TensorElementType.Double => new double[length],
        TensorElementType.Int64 => new long[length],
        TensorElementType.Int32 => new int[length],
        TensorElementType.UInt8 => new byte[length],
        TensorElementType.Int8 => new sbyte[length],
        TensorElementType.Bool => new bool[length],
        _ => throw new InputRejectedException($"element type {Name(type)} is not supported by the sandbox"),
    };

    public static OrtValue ToOrtValue(Array data, long[] shape) => data switch
    {
        float[] a => OrtValue.CreateTensorValueFromMemory(a, shape),
        double[] a => OrtValue.CreateTensorValueFromMemory(a, shape),
        long[] a => OrtValue.CreateTensorValueFromMemory(a, shape),
        int[] a => OrtValue.CreateTensorValueFromMemory(a, shape),
        byte[] a => OrtValue.CreateTensorValueFromMemory(a, shape),
        sbyte[] a => OrtValue.CreateTensorValueFromMemory(a, shape),
        bool[] a => OrtValue.CreateTensorValueFromMemory(a, shape),
        _ => throw new ArgumentException($"unsupported buffer {data.GetType().Name}", nameof(data)),
    };

    public static Array FromDoubles(TensorElementType type, IReadOnlyList<double> values, string tensorName)
    {
        var array = Allocate(type, values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            var v = values[i];
            switch (array)
            {
                case float[] a: a[i] = (float)v; break;
                case double[] a: a[i] = v; break;
                case long[] a: a[i] = Integral<long>(v, tensorName); break;
                case int[] a: a[i] = Integral<int>(v, tensorName); break;
                case byte[] a: a[i] = Integral<byte>(v, tensorName); break;
                case sbyte[] a: a[i] = Integral<sbyte>(v, tensorName); break;
                case bool[] a: a[i] = v != 0; break;
            }
        }
        return array;
    }

    /// <summary>Copies a slice of any supported output into doubles (raw tensor results).</summary>
    public static double[] ToDoubles(OrtValue value, long offset, long count)
    {
        var type = value.GetTensorTypeAndShape().ElementDataType;
        var result = new double[count];
        var start = checked((int)offset);
        switch (type)
        {
            case TensorElementType.Float: Copy(value.GetTensorDataAsSpan<float>().Slice(start, result.Length), result, static x => x); break;
            case TensorElementType.Double: value.GetTensorDataAsSpan<double>().Slice(start, result.Length).CopyTo(result); break;
            case TensorElementType.Int64: Copy(value.GetTensorDataAsSpan<long>().Slice(start, result.Length), result, static x => x); break;
            case TensorElementType.Int32: Copy(value.GetTensorDataAsSpan<int>().Slice(start, result.Length), result, static x => x); break;
            case TensorElementType.UInt8: Copy(value.GetTensorDataAsSpan<byte>().Slice(start, result.Length), result, static x => x); break;
            case TensorElementType.Int8: Copy(value.GetTensorDataAsSpan<sbyte>().Slice(start, result.Length), result, static x => x); break;
            case TensorElementType.Bool: Copy(value.GetTensorDataAsSpan<bool>().Slice(start, result.Length), result, static x => x ? 1 : 0); break;
            default: throw new InferenceException($"output element type {Name(type)} cannot be returned by the sandbox");
        }
        return result;
    }

    public static string Name(TensorElementType type) => type switch
    {
        TensorElementType.Float => "float",
        TensorElementType.Double => "double",
        TensorElementType.Int64 => "int64",
        TensorElementType.Int32 => "int32",
        TensorElementType.UInt8 => "uint8",
        TensorElementType.Int8 => "int8",
        TensorElementType.Bool => "bool",
        TensorElementType.Float16 => "float16",
        TensorElementType.BFloat16 => "bfloat16",
        TensorElementType.String => "string",
        _ => type.ToString().ToLowerInvariant(),
    };

    private static void Copy<T>(ReadOnlySpan<T> source, double[] target, Func<T, double> convert)
    {
        for (var i = 0; i < source.Length; i++)
        {
            target[i] = convert(source[i]);
        }
    }

    private static T Integral<T>(double value, string tensorName)
        where T : System.Numerics.INumber<T>, System.Numerics.IMinMaxValue<T>
    {
        if (value != Math.Floor(value) || value < double.CreateChecked(T.MinValue) || value > double.CreateChecked(T.MaxValue))
        {
            throw new InputRejectedException($"tensor '{tensorName}' holds {value}, which is not a valid {typeof(T).Name}");
        }
        return T.CreateChecked(value);
    }
}
