using Marketplace.Domain.Vocabulary;

namespace Marketplace.Domain.Tests.Vocabulary;

public sealed class VocabularyTests
{
    [Theory]
    [InlineData(" Text-Embedding ", "text-embedding")]
    [InlineData("tabular-regression", "tabular-regression")]
    [InlineData("sentiment-vibes", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Task_words_are_trimmed_and_lower_cased_or_refused(string? sent, string? stored) =>
        Assert.Equal(stored, ModelTasks.All.Normalize(sent));

    [Fact]
    public void Fp8_is_one_precision_everywhere_and_weighs_one_byte()
    {
        Assert.True(Precisions.All.Contains("FP8"));
        Assert.Equal(1, Precisions.BytesPerParameter(Precisions.Fp8));
        Assert.Equal(4, Precisions.BytesPerParameter(null));
        Assert.Equal("one of fp32, fp16, bf16, fp8, int8, int4", Precisions.All.OneOf);
    }

    [Theory]
    [InlineData(ModelTasks.TextEmbedding, Modalities.Text, ModelAdapters.Text, ModelOutputs.Embedding)]
    [InlineData(ModelTasks.TextClassification, Modalities.Text, ModelAdapters.Text, ModelOutputs.Labels)]
    [InlineData(ModelTasks.ImageClassification, Modalities.Image, ModelAdapters.Image, ModelOutputs.Labels)]
    [InlineData(ModelTasks.ImageEmbedding, Modalities.Image, ModelAdapters.Image, ModelOutputs.Embedding)]
    [InlineData(ModelTasks.TextEmbedding, Modalities.Tensor, ModelAdapters.Tensor, ModelOutputs.Embedding)]
    [InlineData(ModelTasks.ObjectDetection, Modalities.Image, ModelAdapters.Tensor, ModelOutputs.Tensors)]
    [InlineData(ModelTasks.TabularRegression, Modalities.Tensor, ModelAdapters.Tensor, ModelOutputs.Tensors)]
    [InlineData(ModelTasks.TextGeneration, Modalities.Text, ModelAdapters.Generate, ModelOutputs.Tensors)]
    [InlineData(ModelTasks.TextGeneration, Modalities.Tensor, ModelAdapters.Tensor, ModelOutputs.Tensors)]
    public void A_task_implies_how_the_sandbox_feeds_the_model_and_reads_it(string task, string modality, string adapter, string output)
    {
        Assert.Equal(adapter, ModelTasks.DefaultAdapter(task, modality));
        Assert.Equal(output, ModelTasks.DefaultOutput(task));
    }

    [Theory]
    [InlineData("de", "DE")]
    [InlineData(" NO ", "NO")]
    [InlineData("global", "GLOBAL")]
    [InlineData("HK", "HK")]
    [InlineData("ZZ", null)]
    [InlineData("Germany", null)]
    public void Regions_are_global_or_a_country_the_runtime_knows(string sent, string? stored) =>
        Assert.Equal(stored, Regions.Normalize(sent));

    [Fact]
    public void The_region_list_starts_with_global_and_names_countries()
    {
        Assert.Equal(new Term("GLOBAL", "Global"), Regions.All[0]);
        Assert.Contains(Regions.All, t => t is { Value: "DE", Label: "Germany" });
        Assert.True(Regions.All.Count > 150);
    }
}
