namespace Marketplace.Inference.Generation;

/// <summary>
/// Turns a growing list of ids into text pieces as they come. Decoding token by token would split a
/// character whose UTF-8 bytes span two tokens and lose SentencePiece's word-initial spaces, so each
/// step decodes a short window twice — up to the last emitted token and up to the newest — and sends
/// the difference once it no longer ends in an incomplete character (U+FFFD). The window starts a
/// few tokens into the prompt, so the first generated word keeps its leading space.
/// </summary>
public sealed class StreamingDetokenizer
{
    private const char Incomplete = '\uFFFD';
    private const int PromptContext = 6;
    private readonly ITextTokenizer _tokenizer;
    private readonly List<int> _ids;
    private int _prefixOffset;
    private int _readOffset;

    public StreamingDetokenizer(ITextTokenizer tokenizer, IReadOnlyList<int>? prompt = null)
    {
        _tokenizer = tokenizer;
        _ids = prompt is null ? [] : prompt.Skip(Math.Max(0, prompt.Count - PromptContext)).ToList();
        _readOffset = _ids.Count;
    }

    /// <summary>The text the new id completes; empty while a character is still incomplete.</summary>
    public string Append(int id)
    {
        _ids.Add(id);
        var before = Window(_prefixOffset, _readOffset);
        var after = Window(_prefixOffset, _ids.Count);
        if (after.Length <= before.Length || after[^1] == Incomplete)
        {
            return "";
        }
        _prefixOffset = _readOffset;
        _readOffset = _ids.Count;
        return after[before.Length..];
    }

    /// <summary>Whatever is still held back (an incomplete character at the very end), when the generation ends.</summary>
    public string Flush()
    {
        var before = Window(_prefixOffset, _readOffset);
        var after = Window(_prefixOffset, _ids.Count);
        _prefixOffset = _readOffset = _ids.Count;
        return after.Length > before.Length ? after[before.Length..] : "";
    }

    private string Window(int start, int end) => start >= end ? "" : _tokenizer.Decode(_ids.Skip(start).Take(end - start));
}
