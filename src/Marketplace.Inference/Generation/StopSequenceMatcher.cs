namespace Marketplace.Inference.Generation;

/// <summary>
/// Watches generated text for stop sequences. Text that could still turn out to be the start of a
/// stop sequence is held back, so a client never receives part of one; when one appears, the text
/// ends just before it.
/// </summary>
internal sealed class StopSequenceMatcher
{
    private readonly string[] _stops;
    private readonly int _longest;
    private readonly System.Text.StringBuilder _text = new();
    private int _emitted;

    public StopSequenceMatcher(IReadOnlyList<string> stops)
    {
        _stops = stops.Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        _longest = _stops.Length == 0 ? 0 : _stops.Max(s => s.Length);
    }

    public bool Stopped { get; private set; }

    /// <summary>The generated text up to (not including) a stop sequence.</summary>
    public string Text => _text.ToString();

    /// <summary>Adds decoded text; returns what may be sent now.</summary>
    public string Append(string piece)
    {
        if (Stopped || piece.Length == 0)
        {
            return "";
        }
        var searchFrom = Math.Max(0, _text.Length - _longest + 1);
        _text.Append(piece);
        if (_stops.Length == 0)
        {
            return Release(_text.Length);
        }
        // Only the end that could hold a new match is searched: earlier text was searched before.
        var tail = _text.ToString(searchFrom, _text.Length - searchFrom);
        var found = -1;
        foreach (var stop in _stops)
        {
            var at = tail.IndexOf(stop, StringComparison.Ordinal);
            if (at >= 0 && (found < 0 || at < found))
            {
                found = at;
            }
        }
        if (found >= 0)
        {
            Stopped = true;
            var release = Release(searchFrom + found);
            _text.Length = searchFrom + found;
            return release;
        }
        return Release(_text.Length - HeldBack(tail));
    }

    /// <summary>Everything not yet sent, when the generation ends for another reason.</summary>
    public string Flush() => Release(_text.Length);

    private string Release(int end)
    {
        if (end <= _emitted)
        {
            return "";
        }
        var piece = _text.ToString(_emitted, end - _emitted);
        _emitted = end;
        return piece;
    }

    /// <summary>Length of the longest end of the text that begins some stop sequence.</summary>
    private int HeldBack(string text)
    {
        for (var length = Math.Min(_longest - 1, text.Length); length > 0; length--)
        {
            var tail = text.AsSpan(text.Length - length);
            foreach (var stop in _stops)
            {
                if (stop.Length > length && stop.AsSpan(0, length).SequenceEqual(tail))
                {
                    return length;
                }
            }
        }
        return 0;
    }
}
