using Marketplace.Inference.Onnx.Decoders;
using Marketplace.Inference.Validation;

namespace Marketplace.Inference.Tests.Generation;

/// <summary>Decoders through the real validation worker, as the host runs it.</summary>
public sealed class DecoderValidationTests
{
    private readonly ArtifactValidator _validator = new(new ArtifactValidatorOptions { Timeout = TimeSpan.FromSeconds(30) });

    [Fact]
    public async Task A_decoder_is_recognised_and_its_cache_shape_reported_from_names_and_shapes()
    {
        var report = await _validator.ValidateAsync(TestModels.Write(ExactDecoderBuilder.Build(new ExactDecoderSettings { Layers = 3, KvHeads = 2, HeadSize = 4, Vocabulary = 512, ContextLength = 96 })));

        Assert.Equal(ArtifactStatus.Valid, report.Status);
        Assert.Equal(new DecoderDescription
        {
            Layers = 3,
            KvHeads = 2,
            HeadSize = 4,
            VocabularySize = 512,
            ContextLength = 96,
            ContextLengthSource = "metadata:max_position_embeddings",
            HasPositionIds = true,
        }, report.Decoder);
        Assert.Equal(3 * 2 * 2 * 4 * 4, report.Decoder!.KvCacheBytesPerToken());
    }

    [Fact]
    public async Task The_llama_decoder_validates_with_its_shape_and_parameters()
    {
        var config = LlamaDecoderConfig.Tiny;

        var report = await _validator.ValidateAsync(TestModels.Write(Google.Protobuf.MessageExtensions.ToByteArray(LlamaDecoderBuilder.Build(config))));

        Assert.Equal(ArtifactStatus.Valid, report.Status);
        Assert.Equal((2, 2, 16, 320, 128), (report.Decoder!.Layers, report.Decoder.KvHeads, report.Decoder.HeadSize, report.Decoder.VocabularySize, report.Decoder.ContextLength));
        // Initializers also hold rotary frequencies, the norm epsilon and shape constants: a few hundred elements.
        Assert.InRange(report.ParameterCount - config.ParameterCount, 1, 1_000);
    }

    [Fact]
    public async Task Other_models_have_no_decoder_description()
    {
        var report = await _validator.ValidateAsync(TestModels.Write(TestModels.Linear()));

        Assert.Equal(ArtifactStatus.Valid, report.Status);
        Assert.Null(report.Decoder);
    }

    public static readonly TheoryData<string, string> Hostile = new()
    {
        { "present-heads-differ", "cache shapes disagree: 'present.1.key' is [?, 3, ?, 4] but past_key_values.0.key has 2 KV heads of size 4" },
        { "past-head-size-differs", "cache shapes disagree: 'past_key_values.2.value' is [?, 2, ?, 8] but past_key_values.0.key has 2 KV heads of size 4" },
        { "key-without-value", "layer 1 has past_key_values.1.key but no past_key_values.1.value" },
        { "layer-gap", "the cache's layer numbering has gaps: layer 1 missing (found 0, 2, 3)" },
        { "missing-logits", "the decoder has no 'logits' output (it has 'scores')" },
        { "vocabulary-missing", "'logits' does not declare its vocabulary size: its last dimension is dynamic ([?, ?, ?])" },
        { "cache-does-not-grow", "run with a one-token cache, 'present.0.key' came out [1, 2, 1, 4] where [1, 2, 2, 4] was expected: the cache must grow by exactly the new tokens" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task Hostile_decoders_are_rejected_with_the_reason(string kind, string reason)
    {
        var report = await _validator.ValidateAsync(TestModels.Write(HostileDecoders.Make(kind)));

        Assert.Equal(ArtifactStatus.Invalid, report.Status);
        Assert.Contains(reason, report.Reasons);
        Assert.Null(report.Decoder);
    }
}
