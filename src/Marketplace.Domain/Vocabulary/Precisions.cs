namespace Marketplace.Domain.Vocabulary;

/// <summary>The number format a model's weights are served in, and what one parameter weighs.</summary>
public static class Precisions
{
    public const string Fp32 = "fp32";
    public const string Fp16 = "fp16";
    public const string Bf16 = "bf16";
    public const string Fp8 = "fp8";
    public const string Int8 = "int8";
    public const string Int4 = "int4";

    public static Vocabulary All { get; } = new(
        "precision",
        new(Fp32, "FP32"), new(Fp16, "FP16"), new(Bf16, "BF16"), new(Fp8, "FP8"), new(Int8, "INT8"), new(Int4, "INT4"));

    /// <summary>Bytes of one parameter; a model that does not say is taken as fp32.</summary>
    public static double BytesPerParameter(string? precision) => precision switch
    {
        Fp16 or Bf16 => 2,
        Fp8 or Int8 => 1,
        Int4 => 0.5,
        _ => 4,
    };
}

/// <summary>Element types of a model's declared input and output tensors (ONNX names, lower-case).</summary>
public static class TensorElementTypes
{
    public static Vocabulary All { get; } = new(
        "elementType",
        new("float32", "float32"), new("float16", "float16"), new("bfloat16", "bfloat16"), new("float64", "float64"),
        new("int64", "int64"), new("int32", "int32"), new("int8", "int8"), new("uint8", "uint8"), new("bool", "bool"), new("string", "string"));
}
