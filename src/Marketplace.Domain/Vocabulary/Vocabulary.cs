namespace Marketplace.Domain.Vocabulary;

/// <summary>A word of a vocabulary: the value stored and sent, and the label people read.</summary>
public sealed record Term(string Value, string Label);

/// <summary>
/// One closed list of words (tasks, modalities, adapters, …): the single source the domain, the
/// API's validation, the portal's pickers and the seed-catalog reader all read, so no layer keeps
/// a copy that can drift. Values are lower-case; input is trimmed and lower-cased before matching.
/// </summary>
public sealed class Vocabulary
{
    private readonly Dictionary<string, Term> _byValue;

    public Vocabulary(string name, params Term[] terms)
    {
        Name = name;
        Terms = terms;
        _byValue = terms.ToDictionary(t => t.Value, StringComparer.Ordinal);
    }

    /// <summary>What the list is called in messages ("task", "precision").</summary>
    public string Name { get; }

    public IReadOnlyList<Term> Terms { get; }

    public IEnumerable<string> Values => Terms.Select(t => t.Value);

    /// <summary>The value as stored ("Text-Embedding " → "text-embedding"), or null when it is not a word of this list.</summary>
    public string? Normalize(string? value) =>
        value is not null && _byValue.ContainsKey(value.Trim().ToLowerInvariant()) ? value.Trim().ToLowerInvariant() : null;

    public bool Contains(string? value) => Normalize(value) is not null;

    public string LabelOf(string value) => _byValue.TryGetValue(value, out var term) ? term.Label : value;

    /// <summary>"one of a, b, c", for messages that say what would have been accepted.</summary>
    public string OneOf => "one of " + string.Join(", ", Values);
}
