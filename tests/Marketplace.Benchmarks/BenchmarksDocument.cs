namespace Marketplace.Benchmarks;

/// <summary>docs/benchmarks.md: each benchmark owns one section between markers and rewrites only that.</summary>
public static class BenchmarksDocument
{
    private const string Header = """
        # Benchmarks

        Figures measured by `tests/Marketplace.Benchmarks`. Each section is rewritten by the run it
        describes; compare targets within one section (same machine, same run), not across sections.

        """;

    public static void WriteSection(string path, string sectionId, string markdown)
    {
        var begin = $"<!-- benchmark:{sectionId}:begin -->";
        var end = $"<!-- benchmark:{sectionId}:end -->";
        var section = $"{begin}\n{markdown.TrimEnd()}\n{end}\n";
        var document = File.Exists(path) ? File.ReadAllText(path) : Header.ReplaceLineEndings("\n");
        var from = document.IndexOf(begin, StringComparison.Ordinal);
        var to = document.IndexOf(end, StringComparison.Ordinal);
        document = from >= 0 && to > from
            ? string.Concat(document.AsSpan(0, from), section, document.AsSpan(to + end.Length).TrimStart('\n'))
            : document.TrimEnd() + "\n\n" + section;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, document);
    }
}
