namespace Marketplace.Inference.Validation;

/// <summary>ONNX TensorProto.DataType codes: names as listings spell them, and sizes in bytes.</summary>
internal static class OnnxTypes
{
    public static string Name(int dataType) => dataType switch
    {
        1 => "float",
        2 => "uint8",
        3 => "int8",
        4 => "uint16",
        5 => "int16",
        6 => "int32",
        7 => "int64",
        8 => "string",
        9 => "bool",
        10 => "float16",
        11 => "double",
        12 => "uint32",
        13 => "uint64",
        14 => "complex64",
        15 => "complex128",
        16 => "bfloat16",
        17 => "float8e4m3fn",
        18 => "float8e4m3fnuz",
        19 => "float8e5m2",
        20 => "float8e5m2fnuz",
        21 => "uint4",
        22 => "int4",
        23 => "float4e2m1",
        _ => $"type{dataType}",
    };

    /// <summary>Bytes per element; 4-bit types count as one byte per two elements (rounded up by the caller).</summary>
    public static double Size(int dataType) => dataType switch
    {
        2 or 3 or 9 or 17 or 18 or 19 or 20 => 1,
        4 or 5 or 10 or 16 => 2,
        1 or 6 or 12 => 4,
        7 or 11 or 13 or 14 => 8,
        15 => 16,
        21 or 22 or 23 => 0.5,
        _ => 0,
    };
}
