using Marketplace.Inference.Models;
using Marketplace.Inference.Onnx;
using Onnx;
using SkiaSharp;

namespace Marketplace.Inference.Tests;

public sealed class GeneratedModelTests : IDisposable
{
    private readonly InferenceEngine _engine = new(new InferenceEngineOptions { Discovery = new() { DisableCuda = true } });

    [Fact]
    public async Task Linear_model_gives_exact_outputs()
    {
        var model = TestModels.Tensors(TestModels.Linear(), new BatchingSettings { Enabled = false });

        var result = await _engine.RunAsync(model, ModelInput.FromTensors(TestModels.Tensor("x", [1, 3], 1, 2, 3)));

        var y = Assert.Single(result.Tensors!);
        Assert.Equal("y", y.Name);
        Assert.Equal([1L, 2L], y.Shape);
        // [1,2,3]·[[1,2],[3,4],[5,6]] + [10,20] = [22+10, 28+20]
        Assert.Equal([32d, 48d], y.Data);
        Assert.Equal("float", y.ElementType);
        Assert.Equal(1, result.BatchSize);
    }

    [Fact]
    public async Task Mul_add_relu_gives_exact_outputs_for_several_rows()
    {
        var model = TestModels.Tensors(TestModels.MulAddRelu(), new BatchingSettings { Enabled = false });

        var result = await _engine.RunAsync(model, ModelInput.FromTensors(TestModels.Tensor("x", [2, 4], -1, 0, 1.5, 2, 10, 0.25, 1, 3)));

        var y = Assert.Single(result.Tensors!);
        Assert.Equal([2L, 4L], y.Shape);
        Assert.Equal([0d, 0d, 0d, 1d, 17d, 0d, 0d, 3d], y.Data);
    }

    [Fact]
    public async Task Softmax_model_matches_softmax_computed_here()
    {
        var model = TestModels.Tensors(TestModels.Softmax(), new BatchingSettings { Enabled = false });

        var result = await _engine.RunAsync(model, ModelInput.FromTensors(TestModels.Tensor("x", [1, 3], 0, 0, Math.Log(2))));

        var y = Assert.Single(result.Tensors!).Data;
        Assert.Equal(0.25, y[0], 6);
        Assert.Equal(0.25, y[1], 6);
        Assert.Equal(0.5, y[2], 6);
    }

    [Fact]
    public async Task Labels_are_softmax_scores_best_first_with_names()
    {
        var model = TestModels.Tensors(TestModels.Logits(), new BatchingSettings { Enabled = false }, new OutputSettings
        {
            Kind = OutputKind.Labels,
            Labels = ["cat", "dog", "bird"],
            TopK = 2,
        });

        var result = await _engine.RunAsync(model, ModelInput.FromTensors(TestModels.Tensor("x", [1, 3], Math.Log(1), Math.Log(3), Math.Log(4))));

        Assert.Equal(OutputKind.Labels, result.Kind);
        Assert.Collection(result.Labels!,
            first => Assert.Equal((2, "bird", 0.5f), (first.Index, first.Label, MathF.Round(first.Score, 6))),
            second => Assert.Equal((1, "dog", 0.375f), (second.Index, second.Label, MathF.Round(second.Score, 6))));
    }

    [Fact]
    public async Task Every_result_names_the_device_that_ran_it()
    {
        var model = TestModels.Tensors(TestModels.Linear());

        var result = await _engine.RunAsync(model, ModelInput.FromTensors(TestModels.Tensor("x", [1, 3], 0, 0, 0)));

        Assert.Equal("cpu", result.Device.Id);
        Assert.Equal("CPU", result.Device.Kind);
        Assert.False(string.IsNullOrWhiteSpace(result.Device.Name));
    }

    [Fact]
    public async Task Image_adapter_feeds_exact_normalised_pixels_in_NCHW_and_the_asked_channel_order()
    {
        var identity = new OnnxGraphBuilder("image-identity")
            .Input("pixels", TensorProto.Types.DataType.Float, 1, 3, 2, 2)
            .Output("same", TensorProto.Types.DataType.Float, 1, 3, 2, 2)
            .Node("Identity", ["pixels"], ["same"])
            .ToBytes();
        var model = TestModels.Tensors(identity) with
        {
            Adapter = AdapterKind.Image,
            Image = new ImageAdapterSettings { Width = 2, Height = 2, Channels = ChannelOrder.Bgr, Scale = 1f, Mean = [10f, 20f, 30f], Std = [2f, 2f, 2f] },
        };
        using var bitmap = new SKBitmap(new SKImageInfo(2, 2, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        bitmap.SetPixel(0, 0, new SKColor(100, 120, 140));
        bitmap.SetPixel(1, 0, new SKColor(0, 0, 0));
        bitmap.SetPixel(0, 1, new SKColor(255, 255, 255));
        bitmap.SetPixel(1, 1, new SKColor(50, 60, 70));
        using var png = bitmap.Encode(SKEncodedImageFormat.Png, 100);

        var result = await _engine.RunAsync(model, ModelInput.FromImage(png.ToArray()));

        var pixels = Assert.Single(result.Tensors!);
        Assert.Equal([1L, 3L, 2L, 2L], pixels.Shape);
        // Planes B, G, R; each value (v − mean) / std with the mean of that plane.
        Assert.Equal(
        [
            (140 - 10) / 2d, (0 - 10) / 2d, (255 - 10) / 2d, (70 - 10) / 2d,
            (120 - 20) / 2d, (0 - 20) / 2d, (255 - 20) / 2d, (60 - 20) / 2d,
            (100 - 30) / 2d, (0 - 30) / 2d, (255 - 30) / 2d, (50 - 30) / 2d,
        ], pixels.Data);
    }

    public void Dispose() => _engine.Dispose();
}
