using Marketplace.Inference.Execution;
using Marketplace.Inference.Models;
using Microsoft.ML.OnnxRuntime.Tensors;
using SkiaSharp;

namespace Marketplace.Inference.Adapters;

/// <summary>
/// PNG/JPEG → RGBA pixels → resized to Width×Height → per channel (v × scale − mean) / std →
/// float [1, 3, H, W]. The header is read first so an oversized image is refused before decoding.
/// </summary>
internal sealed class ImageAdapter : IInputAdapter
{
    private readonly ImageAdapterSettings _settings;

    public ImageAdapter(ImageAdapterSettings settings, IReadOnlyList<TensorInfo> inputs)
    {
        if (inputs.Count != 1 || inputs[0].ElementType != TensorElementType.Float || inputs[0].Dims.Length != 4)
        {
            throw new ModelLoadException("the image adapter needs exactly one float [batch, 3, height, width] input");
        }
        var dims = inputs[0].Dims;
        if ((dims[1] >= 0 && dims[1] != 3) || (dims[2] >= 0 && dims[2] != settings.Height) || (dims[3] >= 0 && dims[3] != settings.Width))
        {
            throw new ModelLoadException($"the model's image input is [{string.Join(", ", dims)}] but the listing says 3×{settings.Height}×{settings.Width}");
        }
        if (settings.Mean.Count != 3 || settings.Std.Count != 3 || settings.Std.Any(s => s == 0))
        {
            throw new ModelLoadException("image mean and std need three values each, std non-zero");
        }
        _settings = settings;
    }

    public PreparedRow Prepare(ModelInput input, InputLimits limits)
    {
        if (input is not ImageInput { EncodedImage: var bytes })
        {
            throw new InputRejectedException("this model takes an image");
        }
        if (bytes.Length > limits.MaxImageBytes)
        {
            throw new InputRejectedException($"the image has {bytes.Length} bytes; the limit is {limits.MaxImageBytes}");
        }
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data) ?? throw new InputRejectedException("the image could not be decoded (PNG or JPEG expected)");
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if ((long)width * height > limits.MaxImagePixels)
        {
            throw new InputRejectedException($"the image has {width}×{height} pixels; the limit is {limits.MaxImagePixels} pixels");
        }
        using var decoded = SKBitmap.Decode(codec, new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul))
            ?? throw new InputRejectedException("the image could not be decoded");
        using var resized = decoded.Resize(
                new SKImageInfo(_settings.Width, _settings.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul),
                new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear))
            ?? throw new InputRejectedException("the image could not be resized");
        return new PreparedRow
        {
            Data = [ToTensor(resized.GetPixelSpan())],
            Shapes = [[1, 3, _settings.Height, _settings.Width]],
            BatchKey = "image",
        };
    }

    private float[] ToTensor(ReadOnlySpan<byte> rgba)
    {
        var plane = _settings.Width * _settings.Height;
        var tensor = new float[3 * plane];
        var bgr = _settings.Channels == ChannelOrder.Bgr;
        for (var c = 0; c < 3; c++)
        {
            // Channel c of the tensor reads R, G, B (or B, G, R) from the RGBA pixels.
            var source = bgr ? 2 - c : c;
            var scale = _settings.Scale / _settings.Std[c];
            var shift = _settings.Mean[c] / _settings.Std[c];
            var target = tensor.AsSpan(c * plane, plane);
            for (var p = 0; p < plane; p++)
            {
                target[p] = (rgba[(p * 4) + source] * scale) - shift;
            }
        }
        return tensor;
    }
}
