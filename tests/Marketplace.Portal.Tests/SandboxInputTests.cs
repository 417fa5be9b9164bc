using System.Buffers.Binary;
using System.IO.Compression;
using Marketplace.Domain.Listings;
using Marketplace.Portal.Components.Sandbox;
using Marketplace.Portal.Services;

namespace Marketplace.Portal.Tests;

public sealed class SandboxInputTests
{
    [Fact]
    public void Tensor_template_is_zeros_of_the_declared_shape_with_dynamic_dimensions_as_one()
    {
        var template = TensorInputs.Template([new TensorSpec("x", "float32", [-1, 3]), new TensorSpec("image", "float32", [1, 3, 224, 224])]);

        var (inputs, error) = TensorInputs.Parse(template);

        Assert.Null(error);
        Assert.Equal([1L, 3], inputs!["x"].Shape);
        Assert.Equal([0d, 0, 0], inputs["x"].Data);
        Assert.DoesNotContain("\"data\": [0, 0, 0, 0", template[template.IndexOf("image", StringComparison.Ordinal)..]);
        Assert.Equal(150_528, inputs["image"].Data!.Count);
    }

    [Theory]
    [InlineData("[1, 2]", "object of named tensors")]
    [InlineData("{\"x\": {\"shape\": [2, 2], \"data\": [1, 2, 3]}}", "takes 4 values; the data has 3")]
    [InlineData("{\"x\": {\"shape\": [0]}}", "positive whole numbers")]
    [InlineData("{\"x\": {\"data\": [1]}}", "needs a \"shape\" array")]
    [InlineData("{\"x\": {\"shape\": [1", "Not valid JSON")]
    public void Tensor_json_that_the_sandbox_would_refuse_is_explained(string json, string message) =>
        Assert.Contains(message, TensorInputs.Parse(json).Error);

    [Fact]
    public void Sample_image_is_a_png_of_224_square_rgb_pixels()
    {
        var png = SampleImage.Png();

        Assert.Equal("image/png", ImagePick.ContentTypeOf(png));
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        Assert.Equal((224, 224, (byte)8, (byte)2), (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)), png[24], png[25]));
        var idatLength = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(33));
        using var rows = new ZLibStream(new MemoryStream(png, 41, idatLength), CompressionMode.Decompress);
        using var raw = new MemoryStream();
        rows.CopyTo(raw);
        Assert.Equal(224 * (1 + (224 * 3)), raw.Length);
    }

    [Fact]
    public void Lines_drop_blanks_and_trim()
    {
        Assert.Equal(["a", "b c"], TrialSamples.Lines("  a \r\n\n b c\n   "));
        Assert.Empty(TrialSamples.Lines(null));
    }

    [Fact]
    public void Cosine_of_orthogonal_and_parallel_vectors()
    {
        Assert.Equal(0, EmbeddingMath.Cosine([1f, 0f], [0f, 2f]), 12);
        Assert.Equal(1, EmbeddingMath.Cosine([1f, 2f], [2f, 4f]), 12);
        Assert.Equal(5, EmbeddingMath.Norm([3f, 4f]), 12);
    }

    [Theory]
    [InlineData(0.2, "a moment")]
    [InlineData(4.1, "5 s")]
    [InlineData(600, "10 min")]
    [InlineData(5 * 3600 + 12 * 60, "5 h 12 min")]
    public void Waits_read_as_people_say_them(double seconds, string text) =>
        Assert.Equal(text, PortalFormat.Duration(TimeSpan.FromSeconds(seconds)));
}
