using Marketplace.Abstractions.Sandbox;
using Marketplace.Application.Sandbox.Artifacts;
using Marketplace.Application.Sandbox.Trials;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Sandbox;

namespace Marketplace.Portal.Tests;

public static class SandboxTestData
{
    public const string ModelId = "lst_minilm";

    public static ModelSpec TextModel { get; } = new()
    {
        Task = "text-embedding",
        Modality = "text",
        License = "apache-2.0",
        Adapter = "text",
        Inputs = [new TensorSpec("input_ids", "int64", [-1, -1])],
        Outputs = [new TensorSpec("last_hidden_state", "float32", [-1, -1, 384])],
    };

    public static ListingContent ModelListing { get; } = new()
    {
        Kind = ListingKind.Model,
        Name = "Sentence embedder",
        Summary = "Embeds English sentences for semantic search.",
        Pricing = new ListingPricing { Currency = "USD" },
        Model = TextModel,
    };

    public static TrialResult Trial(TrialOutputs outputs, string? fallbackReason = null) =>
        new("trial_1", ModelId, "1.0.0", outputs, LatencyMs: 12.34, QueueMs: 0.5, BatchSize: 2, "cpu-0", "CPU", "AMD EPYC", fallbackReason, []);

    public static CostEstimate Cost(string hardwareId, long per1k, long per1M, CostBasis basis) =>
        new(hardwareId, $"Server {hardwareId}", per1k, "USD", basis, 1234.5, basis == CostBasis.Measured ? "measured on NVIDIA H200" : "roofline estimate", per1M);

    public static DeviceBenchmark Benchmark(string kind, string name) => new()
    {
        DeviceId = kind.ToLowerInvariant() + "-0",
        DeviceKind = kind,
        DeviceName = name,
        Silo = "silo-1",
        Version = "1.0.0",
        ArtifactSha256 = new string('a', 64),
        P50Ms = 3.1,
        P90Ms = 4.2,
        P99Ms = 9.9,
        Batch1PerSecond = 310,
        BatchedPerSecond = 900,
        BatchedConcurrency = 16,
        MeasuredAt = TestData.At,
    };

    public static ArtifactView InvalidArtifact(params string[] reasons) =>
        new(new string('b', 64), 1_000, ModelArtifact.Invalid, reasons, [], [], null, null, 0, 0, "Draft", "1.0.0");

    public static QuotaStatus Quota(int trials, double computeSeconds) =>
        new(new QuotaPolicy(DailyTrials: 500, DailyComputeSeconds: 600, RatePerSecond: 5, Burst: 20),
            new QuotaUsage { Day = new DateOnly(2026, 11, 2), Trials = trials, ComputeSeconds = computeSeconds, Tokens = 20, RefilledAt = TestData.At });
}
