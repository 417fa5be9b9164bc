namespace Marketplace.Inference.Models;

/// <summary>One input to a model: a text, an encoded image, or named tensors.</summary>
public abstract record ModelInput
{
    public static ModelInput FromText(string text) => new TextInput(text);

    public static ModelInput FromImage(byte[] encodedImage) => new ImageInput(encodedImage);

    public static ModelInput FromTensors(params TensorData[] tensors) => new TensorInput(tensors);
}

public sealed record TextInput(string Text) : ModelInput;

public sealed record ImageInput(byte[] EncodedImage) : ModelInput;

public sealed record TensorInput(IReadOnlyList<TensorData> Tensors) : ModelInput;

/// <summary>
/// A tensor in the JSON-friendly form the API uses: <c>{"name":"x","shape":[1,3],"data":[1,2,3]}</c>.
/// Data is row-major; numbers are doubles, which hold every float32 and int32 exactly.
/// </summary>
public sealed record TensorData(string Name, IReadOnlyList<long> Shape, IReadOnlyList<double> Data)
{
    /// <summary>The ONNX element type ("float", "int64", …); informational on inputs.</summary>
    public string? ElementType { get; init; }
}
