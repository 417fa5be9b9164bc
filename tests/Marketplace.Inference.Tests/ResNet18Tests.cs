using Marketplace.Inference.Models;
using SkiaSharp;

namespace Marketplace.Inference.Tests;

[Collection(RealModelCollection.Name)]
public sealed class ResNet18Tests(RealModelFixture fixture)
{
    [Fact]
    public async Task Same_image_gives_identical_features()
    {
        var image = Png(Checkerboard);

        var first = await fixture.Engine.RunAsync(fixture.ResNet18, ModelInput.FromImage(image));
        var second = await fixture.Engine.RunAsync(fixture.ResNet18, ModelInput.FromImage(image));

        Assert.Equal(512, first.Embedding!.Length);
        Assert.Equal(first.Embedding, second.Embedding);
    }

    [Fact]
    public async Task Different_images_give_different_features()
    {
        var checkerboard = await fixture.Engine.RunAsync(fixture.ResNet18, ModelInput.FromImage(Png(Checkerboard)));
        var circle = await fixture.Engine.RunAsync(fixture.ResNet18, ModelInput.FromImage(Png(RedCircle)));

        var distance = Math.Sqrt(checkerboard.Embedding!.Zip(circle.Embedding!, (a, b) => (double)(a - b) * (a - b)).Sum());
        var scale = Math.Sqrt(checkerboard.Embedding!.Sum(a => (double)a * a));
        Assert.True(distance > 0.05 * scale, $"features differ by {distance:0.###} against a norm of {scale:0.###}");
    }

    [Fact]
    public async Task Jpeg_and_large_images_are_resized_to_the_model_input()
    {
        var result = await fixture.Engine.RunAsync(fixture.ResNet18, ModelInput.FromImage(Encode(Checkerboard, 640, 480, SKEncodedImageFormat.Jpeg)));

        Assert.Equal(512, result.Embedding!.Length);
        Assert.All(result.Embedding, v => Assert.True(float.IsFinite(v)));
    }

    private static byte[] Png(Action<SKCanvas, int, int> draw) => Encode(draw, 256, 256, SKEncodedImageFormat.Png);

    private static byte[] Encode(Action<SKCanvas, int, int> draw, int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            draw(canvas, width, height);
        }
        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    private static void Checkerboard(SKCanvas canvas, int width, int height)
    {
        using var black = new SKPaint { Color = SKColors.Black };
        canvas.Clear(SKColors.White);
        for (var y = 0; y < height; y += 32)
        {
            for (var x = (y / 32 % 2) * 32; x < width; x += 64)
            {
                canvas.DrawRect(x, y, 32, 32, black);
            }
        }
    }

    private static void RedCircle(SKCanvas canvas, int width, int height)
    {
        using var red = new SKPaint { Color = SKColors.Red, IsAntialias = true };
        canvas.Clear(SKColors.SkyBlue);
        canvas.DrawCircle(width / 2f, height / 2f, width / 3f, red);
    }
}
