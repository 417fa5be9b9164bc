using Marketplace.Domain.Sandbox;

namespace Marketplace.Application.Sandbox;

/// <summary>Limits and prices the sandbox works with ("Marketplace:Sandbox").</summary>
public sealed class SandboxOptions
{
    public const string Section = "Marketplace:Sandbox";

    public long MaxArtifactBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    public long MaxVocabularyBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Largest tokenizer file (vocab.json, merges.txt or tokenizer.model).</summary>
    public long MaxTokenizerBytes { get; set; } = 32 * 1024 * 1024;

    public int DailyTrialsPerOrganization { get; set; } = 500;

    public double DailyComputeSecondsPerOrganization { get; set; } = 600;

    public double TrialsPerSecond { get; set; } = 5;

    public int TrialBurst { get; set; } = 20;

    /// <summary>Prompt and generated tokens an organisation's generations may use per UTC day.</summary>
    public long DailyGenerationTokensPerOrganization { get; set; } = QuotaPolicy.DefaultDailyGenerationTokens;

    /// <summary>Longest prompt a generation takes, in characters (its tokens are also held to the model's context).</summary>
    public int MaxPromptLength { get; set; } = 16_000;

    /// <summary>Most new tokens one generation may ask for.</summary>
    public int MaxNewTokens { get; set; } = 2048;

    /// <summary>
    /// Compute a generation reserves per token (prompt and new) until it settles to what it used:
    /// a planning figure, kept low because a decode step is shared by the whole batch.
    /// </summary>
    public double GenerationReservedSecondsPerToken { get; set; } = 0.02;

    /// <summary>The longest a generation may run; past it, it ends with reason deadline.</summary>
    public double GenerationDeadlineSeconds { get; set; } = 120;

    public int MaxTextsPerTrial { get; set; } = 16;

    public int MaxTextLength { get; set; } = 4000;

    public int MaxImageBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>
    /// The longest one input of a trial may run; a model never benchmarked reserves this much
    /// compute per input while it runs (the host sets it from the inference engine's deadline).
    /// </summary>
    public double TrialDeadlineSeconds { get; set; } = 30;

    /// <summary>Electricity price for the power part of cost estimates, in minor units of USD per kWh.</summary>
    public long ElectricityPerKwhMinor { get; set; } = 15;

    /// <summary>Run a benchmark as soon as a valid model file arrives (uploads and seeded models).</summary>
    public bool BenchmarkOnUpload { get; set; } = true;
}
