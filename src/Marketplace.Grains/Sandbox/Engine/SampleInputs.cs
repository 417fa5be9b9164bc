using Marketplace.Domain.Sandbox;
using Marketplace.Inference.Models;
using SkiaSharp;
using Marketplace.Domain.Vocabulary;

namespace Marketplace.Grains.Sandbox.Engine;

/// <summary>The input a benchmark runs: a typical sentence, a photo-sized image, or tensors of the declared shape.</summary>
public static class SampleInputs
{
    public const string Sentence = "A customer asks whether the invoice for last month's order can be split across two cost centres.";

    public static ModelInput For(SandboxModel model) => model.Spec.Adapter switch
    {
        ModelAdapters.Text => ModelInput.FromText(Sentence),
        ModelAdapters.Image => ModelInput.FromImage(Gradient(640, 480)),
        _ => ModelInput.FromTensors(model.Artifact.Inputs.Select(Zeros).ToArray()),
    };

    private static TensorData Zeros(Domain.Listings.TensorSpec spec)
    {
        var shape = spec.Shape.Select(d => d > 0 ? d : 1).ToList();
        return new TensorData(spec.Name, shape, new double[shape.Aggregate(1L, (a, b) => a * b)]);
    }

    private static byte[] Gradient(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                bitmap.SetPixel(x, y, new SKColor((byte)(x * 255 / width), (byte)(y * 255 / height), 128));
            }
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var png = image.Encode(SKEncodedImageFormat.Png, 90);
        return png.ToArray();
    }
}
