namespace Marketplace.Application.Sandbox;

/// <summary>Limits and prices the sandbox works with ("Marketplace:Sandbox").</summary>
public sealed class SandboxOptions
{
    public const string Section = "Marketplace:Sandbox";

    public long MaxArtifactBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    public long MaxVocabularyBytes { get; set; } = 10 * 1024 * 1024;

    public int DailyTrialsPerOrganization { get; set; } = 500;

    public double DailyComputeSecondsPerOrganization { get; set; } = 600;

    public double TrialsPerSecond { get; set; } = 5;

    public int TrialBurst { get; set; } = 20;

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
