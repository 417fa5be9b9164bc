namespace Marketplace.Domain.Vocabulary;

/// <summary>What a model does. The task also says how the sandbox feeds it and reads its output.</summary>
public static class ModelTasks
{
    public const string TextEmbedding = "text-embedding";
    public const string TextClassification = "text-classification";
    public const string SentenceSimilarity = "sentence-similarity";
    public const string TextGeneration = "text-generation";
    public const string ImageEmbedding = "image-embedding";
    public const string ImageClassification = "image-classification";
    public const string ObjectDetection = "object-detection";
    public const string SpeechRecognition = "speech-recognition";
    public const string TabularClassification = "tabular-classification";
    public const string TabularRegression = "tabular-regression";

    public static Vocabulary All { get; } = new(
        "task",
        new(TextEmbedding, "Text embedding"),
        new(TextClassification, "Text classification"),
        new(SentenceSimilarity, "Sentence similarity"),
        new(TextGeneration, "Text generation"),
        new(ImageEmbedding, "Image embedding"),
        new(ImageClassification, "Image classification"),
        new(ObjectDetection, "Object detection"),
        new(SpeechRecognition, "Speech recognition"),
        new(TabularClassification, "Tabular classification"),
        new(TabularRegression, "Tabular regression"));

    /// <summary>
    /// The adapter a model gets when its listing names none: text models of the text tasks take
    /// texts, image models of the image tasks take an image, text-generation models generate from a
    /// prompt; anything else takes raw tensors.
    /// </summary>
    public static string DefaultAdapter(string task, string modality) => (task, modality) switch
    {
        (TextEmbedding or TextClassification or SentenceSimilarity, Modalities.Text) => ModelAdapters.Text,
        (TextGeneration, Modalities.Text) => ModelAdapters.Generate,
        (ImageEmbedding or ImageClassification, Modalities.Image) => ModelAdapters.Image,
        _ => ModelAdapters.Tensor,
    };

    /// <summary>What a trial shows of the model's output when its listing does not say.</summary>
    public static string DefaultOutput(string task) => task switch
    {
        TextEmbedding or SentenceSimilarity or ImageEmbedding => ModelOutputs.Embedding,
        TextClassification or ImageClassification or TabularClassification => ModelOutputs.Labels,
        _ => ModelOutputs.Tensors,
    };
}

/// <summary>What kind of data a model takes.</summary>
public static class Modalities
{
    public const string Text = "text";
    public const string Image = "image";
    public const string Audio = "audio";
    public const string Multimodal = "multimodal";
    public const string Tensor = "tensor";

    public static Vocabulary All { get; } = new(
        "modality", new(Text, "Text"), new(Image, "Image"), new(Audio, "Audio"), new(Multimodal, "Multimodal"), new(Tensor, "Tensor"));
}

/// <summary>How the sandbox feeds a model: texts, one image, named tensors, or a prompt to a decoder that generates text.</summary>
public static class ModelAdapters
{
    public const string Text = "text";
    public const string Image = "image";
    public const string Tensor = "tensor";
    public const string Generate = "generate";

    public static Vocabulary All { get; } = new("adapter", new(Text, "Texts"), new(Image, "Image"), new(Tensor, "Tensors"), new(Generate, "Generated text"));
}

/// <summary>How a trial reads a model's output.</summary>
public static class ModelOutputs
{
    public const string Embedding = "embedding";
    public const string Labels = "labels";
    public const string Tensors = "tensors";

    public static Vocabulary All { get; } = new("output", new(Embedding, "Embedding"), new(Labels, "Labels with scores"), new(Tensors, "Raw tensors"));
}
