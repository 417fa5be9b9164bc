using Marketplace.Abstractions.Errors;

namespace Marketplace.Portal.Services;

/// <summary>
/// Field errors from a <see cref="RequestValidationException"/>, keyed as the JSON body names
/// fields ("legalName", "pricing.currency", "regions[0]"), so each input can show its own.
/// </summary>
public sealed class FieldErrors
{
    private Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public IReadOnlyDictionary<string, string[]> All => _errors;

    public void Clear() => _errors = new(StringComparer.Ordinal);

    public void Set(IReadOnlyDictionary<string, string[]> errors) => _errors = new(errors, StringComparer.Ordinal);

    public void Add(string field, string message) =>
        _errors[field] = _errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];

    /// <summary>True when the field or any of its items or sub-fields ("regions[0]", "pricing.currency") failed.</summary>
    public bool Has(string field) => _errors.Keys.Any(k => Covers(field, k));

    /// <summary>The messages for the field and its items, joined for an input's error text.</summary>
    public string? this[string field] =>
        Has(field) ? string.Join(" ", _errors.Where(e => Covers(field, e.Key)).SelectMany(e => e.Value).Distinct()) : null;

    /// <summary>Messages whose fields no input on the form shows, so none is lost.</summary>
    public IEnumerable<string> Except(IEnumerable<string> shownFields)
    {
        var shown = shownFields.ToList();
        return _errors.Where(e => !shown.Any(f => Covers(f, e.Key))).SelectMany(e => e.Value);
    }

    private static bool Covers(string field, string key) =>
        key == field
        || (key.StartsWith(field, StringComparison.Ordinal) && key.Length > field.Length && key[field.Length] is '[' or '.');
}
