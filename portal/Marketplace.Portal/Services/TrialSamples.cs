namespace Marketplace.Portal.Services;

/// <summary>A named set of example texts that fills the Try it box, one text per line.</summary>
public sealed record TrialSample(string Label, IReadOnlyList<string> Texts)
{
    public string AsLines => string.Join("\n", Texts);
}

/// <summary>
/// Example inputs chosen for what buyers test: paraphrases and a query against documents for
/// embeddings (the similarity matrix shows which texts match), opposite reviews for classifiers.
/// </summary>
public static class TrialSamples
{
    public const int MaxTexts = 16;

    public static IReadOnlyList<TrialSample> For(string? task) => task?.Contains("classification", StringComparison.OrdinalIgnoreCase) == true
        ? Classification
        : Embedding;

    /// <summary>The lines typed, trimmed, blank lines dropped.</summary>
    public static IReadOnlyList<string> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static readonly IReadOnlyList<TrialSample> Embedding =
    [
        new("Paraphrases", ["The invoice must be paid within 30 days.", "Payment is due one month after the bill is issued."]),
        new("Search query", ["How do I reset my password?", "To change your password, open Settings and choose Security.", "Our office is closed on public holidays.", "Forgot your login? Use the reset link on the sign-in page."]),
        new("Mixed topics", ["The robot arm picks parts from the conveyor belt.", "Quarterly revenue grew by 12 percent.", "The patient was discharged after two days.", "A camera inspects every weld on the line."]),
        new("One sentence", ["Semantic search finds documents by meaning, not by keywords."]),
    ];

    private static readonly IReadOnlyList<TrialSample> Classification =
    [
        new("Positive review", ["The delivery was fast and the support team was wonderful."]),
        new("Negative review", ["The device stopped working after two days and nobody answered my e-mails."]),
        new("Mixed reviews", ["Great value for the price.", "Terrible battery life.", "It does what it says, nothing more.", "I would buy it again without hesitation."]),
    ];
}
