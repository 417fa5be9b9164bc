namespace Marketplace.Inference.Generation;

/// <summary>
/// Text to token ids and back, for a decoder's prompt and output. Implementations wrap
/// Microsoft.ML.Tokenizers; streamed output goes through <see cref="StreamingDetokenizer"/> so a
/// UTF-8 character split over two tokens is never sent half.
/// </summary>
public interface ITextTokenizer
{
    /// <summary>Ids of the text, with a beginning-of-sequence token first when the tokenizer adds one.</summary>
    IReadOnlyList<int> Encode(string text);

    /// <summary>The text of the ids; special tokens (end of sequence, …) and ids outside the vocabulary write nothing.</summary>
    string Decode(IEnumerable<int> ids);

    /// <summary>The id that ends a generation when the model produces it; null when there is none.</summary>
    int? EndOfSequenceId { get; }

    /// <summary>One more than the largest id the tokenizer knows.</summary>
    int VocabularySize { get; }
}

/// <summary>What a listing may say about its tokenizer beyond the files.</summary>
public sealed record TokenizerSettings
{
    /// <summary>Tokens matched whole before tokenisation ("&lt;|endoftext|&gt;" → 50256), with their ids.</summary>
    public IReadOnlyDictionary<string, int>? SpecialTokens { get; init; }

    /// <summary>Overrides the end-of-sequence id the files imply.</summary>
    public int? EndOfSequenceId { get; init; }

    /// <summary>SentencePiece only: put the beginning-of-sequence token before every prompt (Llama and Mistral do).</summary>
    public bool AddBeginningOfSequence { get; init; } = true;
}
