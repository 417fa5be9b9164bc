using Microsoft.ML.Tokenizers;

namespace Marketplace.Inference.Generation;

/// <summary>A SentencePiece tokenizer.model (BPE or Unigram, as Llama 2, Mistral and T5 ship it).</summary>
public sealed class SentencePieceTextTokenizer : ITextTokenizer
{
    private readonly SentencePieceTokenizer _tokenizer;

    private SentencePieceTextTokenizer(SentencePieceTokenizer tokenizer, int? endOfSequenceId)
    {
        _tokenizer = tokenizer;
        EndOfSequenceId = endOfSequenceId;
        VocabularySize = tokenizer.Vocabulary.Values.Concat(tokenizer.SpecialTokens?.Values ?? []).DefaultIfEmpty(-1).Max() + 1;
    }

    public int? EndOfSequenceId { get; }

    public int VocabularySize { get; }

    public static SentencePieceTextTokenizer Load(Stream model, TokenizerSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        settings ??= new TokenizerSettings();
        SentencePieceTokenizer tokenizer;
        try
        {
            tokenizer = SentencePieceTokenizer.Create(model, settings.AddBeginningOfSequence, addEndOfSentence: false, settings.SpecialTokens);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Whatever the parser throws for a file that is not a model (InvalidDataException for a bad
            // wire type, ArgumentException, …) is the partner's file being wrong, not a server fault.
            throw new TokenizerLoadException($"tokenizer.model is not a SentencePiece model this runtime can read: {e.Message}", e);
        }
        return new SentencePieceTextTokenizer(tokenizer, settings.EndOfSequenceId ?? (tokenizer.EndOfSentenceId >= 0 ? tokenizer.EndOfSentenceId : null));
    }

    public IReadOnlyList<int> Encode(string text) => _tokenizer.EncodeToIds(text);

    public string Decode(IEnumerable<int> ids) => _tokenizer.Decode(ids, considerSpecialTokens: false);
}
