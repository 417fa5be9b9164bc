using System.Text.Json;
using System.Text.RegularExpressions;
using Marketplace.Inference.Execution;
using Microsoft.ML.Tokenizers;

namespace Marketplace.Inference.Generation;

/// <summary>
/// GPT-2-style byte-level BPE from a Hugging Face vocab.json and merges.txt: text is split with
/// GPT-2's pattern, turned into UTF-8 bytes shown as printable characters ('Ġ' for a space) and
/// merged by rank. A vocabulary of the 256 byte tokens with no merges is a valid (byte) tokenizer.
/// "&lt;|endoftext|&gt;" in the vocabulary is GPT-2's end of sequence, and special, unless the settings say otherwise.
/// </summary>
public sealed partial class ByteLevelBpeTokenizer : ITextTokenizer
{
    private const string Gpt2EndOfText = "<|endoftext|>";
    private readonly BpeTokenizer _tokenizer;

    private ByteLevelBpeTokenizer(BpeTokenizer tokenizer, int? endOfSequenceId, int vocabularySize)
    {
        _tokenizer = tokenizer;
        EndOfSequenceId = endOfSequenceId;
        VocabularySize = vocabularySize;
    }

    public int? EndOfSequenceId { get; }

    public int VocabularySize { get; }

    public static ByteLevelBpeTokenizer Load(Stream vocabJson, Stream merges, TokenizerSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(vocabJson);
        ArgumentNullException.ThrowIfNull(merges);
        settings ??= new TokenizerSettings();
        Dictionary<string, int> vocabulary;
        try
        {
            vocabulary = JsonSerializer.Deserialize<Dictionary<string, int>>(vocabJson)
                ?? throw new TokenizerLoadException("vocab.json is empty");
        }
        catch (JsonException e)
        {
            throw new TokenizerLoadException($"vocab.json is not a JSON object of token → id: {e.Message}", e);
        }
        if (vocabulary.Count == 0 || vocabulary.Values.Any(id => id < 0))
        {
            throw new TokenizerLoadException("vocab.json must map at least one token to a non-negative id");
        }
        var mergeLines = ReadMerges(merges);
        var special = new Dictionary<string, int>(settings.SpecialTokens ?? new Dictionary<string, int>(), StringComparer.Ordinal);
        if (vocabulary.TryGetValue(Gpt2EndOfText, out var endOfText))
        {
            special.TryAdd(Gpt2EndOfText, endOfText);
        }
        BpeTokenizer tokenizer;
        try
        {
            tokenizer = BpeTokenizer.Create(new BpeOptions(vocabulary)
            {
                Merges = mergeLines,
                ByteLevel = true,
                PreTokenizer = new RegexPreTokenizer(Gpt2Split(), special),
                SpecialTokens = special,
            });
        }
        catch (Exception e) when (e is not (OutOfMemoryException or TokenizerLoadException))
        {
            // Any parser error is the partner's file being wrong, not a server fault.
            throw new TokenizerLoadException($"the BPE files could not be loaded: {e.Message}", e);
        }
        var size = vocabulary.Values.Concat(special.Values).Max() + 1;
        return new ByteLevelBpeTokenizer(tokenizer, settings.EndOfSequenceId ?? (special.TryGetValue(Gpt2EndOfText, out var eos) ? eos : null), size);
    }

    /// <summary>
    /// The smallest byte-level BPE: GPT-2's 256 byte tokens (id = byte value) and no merges. Any text
    /// round-trips; the generated decoders use it, since they come without a tokenizer of their own.
    /// </summary>
    public static ByteLevelBpeTokenizer ByteAlphabet()
    {
        using var vocabJson = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(ByteAlphabetVocabulary()));
        using var noMerges = new MemoryStream();
        return Load(vocabJson, noMerges);
    }

    /// <summary>
    /// GPT-2's 256 byte tokens as a vocab.json maps them: byte b has id b and is written as itself
    /// when it is printable Latin-1, else as U+0100 onwards in byte order ('Ġ' for a space).
    /// </summary>
    public static Dictionary<string, int> ByteAlphabetVocabulary()
    {
        static bool Printable(int b) => b is (>= '!' and <= '~') or (>= 0xA1 and <= 0xAC) or (>= 0xAE and <= 0xFF);
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var shifted = 0;
        for (var b = 0; b < 256; b++)
        {
            vocabulary[((char)(Printable(b) ? b : 256 + shifted++)).ToString()] = b;
        }
        return vocabulary;
    }

    public IReadOnlyList<int> Encode(string text) => _tokenizer.EncodeToIds(text);

    public string Decode(IEnumerable<int> ids) => _tokenizer.Decode(ids, considerSpecialTokens: false);

    /// <summary>Merge rules, one "left right" pair a line; the "#version" header and blank lines are skipped.</summary>
    private static List<string> ReadMerges(Stream merges)
    {
        var lines = new List<string>();
        using var reader = new StreamReader(merges, leaveOpen: true);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0 || (number == 1 && line.StartsWith("#version", StringComparison.Ordinal)))
            {
                continue;
            }
            if (line.Split(' ').Length != 2)
            {
                throw new TokenizerLoadException($"merges.txt line {number} is not two tokens separated by one space");
            }
            lines.Add(line);
        }
        return lines;
    }

    /// <summary>GPT-2's pre-tokenisation: contractions, letters, digits, other symbols, each with its leading space; runs of spaces.</summary>
    [GeneratedRegex(@"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Gpt2Split();
}

/// <summary>The tokenizer files could not be read; the message says what is wrong with them.</summary>
public sealed class TokenizerLoadException : InferenceException
{
    public TokenizerLoadException()
    {
    }

    public TokenizerLoadException(string message)
        : base(message)
    {
    }

    public TokenizerLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
