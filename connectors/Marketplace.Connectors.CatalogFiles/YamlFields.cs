using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Marketplace.Connectors.CatalogFiles;

/// <summary>
/// Typed reads from a YAML mapping that collect errors with the file and line instead of
/// throwing, so one pass reports every problem of a file.
/// </summary>
internal sealed class YamlFields(YamlMappingNode node, string path, List<string> errors)
{
    public int Line => (int)node.Start.Line;

    public string Path => path;

    public void Error(string message, YamlDotNet.RepresentationModel.YamlNode? at = null) =>
        errors.Add($"{path}:{(at ?? node).Start.Line}: {message}");

    /// <summary>Reports keys this file kind does not know, which are usually typos.</summary>
    public void OnlyKeys(IReadOnlySet<string> allowed)
    {
        foreach (var key in node.Children.Keys.OfType<YamlScalarNode>())
        {
            if (!allowed.Contains(key.Value!))
            {
                errors.Add($"{path}:{key.Start.Line}: unknown key '{key.Value}'.");
            }
        }
    }

    public string? String(string key, bool required = false, int maxLength = 5000)
    {
        if (!TryGet(key, required, out var value))
        {
            return null;
        }
        if (value is not YamlScalarNode { Value: { } text } || text.Length == 0)
        {
            Report(key, value, "must be text");
            return null;
        }
        if (text.Length > maxLength)
        {
            Report(key, value, $"is longer than {maxLength} characters");
            return null;
        }
        return text.Trim();
    }

    /// <summary>A word of a vocabulary, as stored; anything else is an error saying what is accepted.</summary>
    public string? Word(string key, Domain.Vocabulary.Vocabulary vocabulary, bool required = false)
    {
        var text = String(key, required, maxLength: 60);
        if (text is null)
        {
            return null;
        }
        var word = vocabulary.Normalize(text);
        if (word is null)
        {
            ErrorAt(key, $"holds '{text}'; use {vocabulary.OneOf}");
        }
        return word;
    }

    public long? Long(string key, bool required = false, long min = 0, long max = long.MaxValue)
    {
        if (!TryGet(key, required, out var value))
        {
            return null;
        }
        if (value is YamlScalarNode { Value: { } text } && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }
        Report(key, value, $"must be a whole number from {min} to {max}");
        return null;
    }

    public int? Int(string key, bool required = false, int min = 0, int max = int.MaxValue) => (int?)Long(key, required, min, max);

    public double? Double(string key, bool required = false, double min = 0, double max = double.MaxValue)
    {
        if (!TryGet(key, required, out var value))
        {
            return null;
        }
        if (value is YamlScalarNode { Value: { } text } && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }
        Report(key, value, $"must be a number from {min} to {max}");
        return null;
    }

    public bool? Bool(string key, bool required = false)
    {
        if (!TryGet(key, required, out var value))
        {
            return null;
        }
        if (value is YamlScalarNode { Value: { } text } && bool.TryParse(text, out var flag))
        {
            return flag;
        }
        Report(key, value, "must be true or false");
        return null;
    }

    public IReadOnlyList<string> Strings(string key, bool required = false)
    {
        if (!TryGet(key, required, out var value))
        {
            return [];
        }
        if (value is not YamlSequenceNode sequence || sequence.Children.Any(c => c is not YamlScalarNode { Value.Length: > 0 }))
        {
            Report(key, value, "must be a list of text values");
            return [];
        }
        if (required && sequence.Children.Count == 0)
        {
            Report(key, value, "must not be empty");
        }
        return sequence.Children.Cast<YamlScalarNode>().Select(s => s.Value!.Trim()).ToList();
    }

    public YamlFields? Mapping(string key, bool required = false)
    {
        if (!TryGet(key, required, out var value))
        {
            return null;
        }
        if (value is YamlMappingNode mapping)
        {
            return new YamlFields(mapping, path, errors);
        }
        Report(key, value, "must be a mapping of keys to values");
        return null;
    }

    public IReadOnlyList<YamlFields> Mappings(string key, bool required = false)
    {
        if (!TryGet(key, required, out var value))
        {
            return [];
        }
        if (value is YamlSequenceNode sequence && sequence.Children.All(c => c is YamlMappingNode))
        {
            return sequence.Children.Cast<YamlMappingNode>().Select(m => new YamlFields(m, path, errors)).ToList();
        }
        Report(key, value, "must be a list of mappings");
        return [];
    }

    /// <summary>The line of a key (for errors about its value found later).</summary>
    public int LineOf(string key) =>
        node.Children.Keys.OfType<YamlScalarNode>().FirstOrDefault(k => k.Value == key) is { } k ? (int)k.Start.Line : Line;

    public void ErrorAt(string key, string message) => errors.Add($"{path}:{LineOf(key)}: '{key}' {message}.");

    public IReadOnlySet<string> Keys => node.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value!).ToHashSet();

    private bool TryGet(string key, bool required, out YamlDotNet.RepresentationModel.YamlNode value)
    {
        if (node.Children.TryGetValue(new YamlScalarNode(key), out var found) && !(found is YamlScalarNode { Value: null or "" or "~" } scalar && scalar.Style == YamlDotNet.Core.ScalarStyle.Plain))
        {
            value = found;
            return true;
        }
        if (required)
        {
            errors.Add($"{path}:{Line}: '{key}' is required.");
        }
        value = null!;
        return false;
    }

    private void Report(string key, YamlDotNet.RepresentationModel.YamlNode value, string problem) =>
        errors.Add($"{path}:{value.Start.Line}: '{key}' {problem}.");

}
