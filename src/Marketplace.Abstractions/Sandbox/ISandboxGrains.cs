using Orleans.Concurrency;
using Marketplace.Domain.Sandbox;

namespace Marketplace.Abstractions.Sandbox;

/// <summary>
/// Runs sandbox work on a silo that has the device class its key names ("CUDA/3", "CPU/0"): a
/// custom placement puts it on a silo advertising that class with the most free capacity, falling
/// back to CPU silos. The work itself runs on the inference engine's own threads, never on the
/// grain scheduler; the grain only awaits it.
/// </summary>
[Alias("Marketplace.ISandboxRunnerGrain")]
public interface ISandboxRunnerGrain : IGrainWithStringKey
{
    /// <remarks>
    /// Immutable wrappers: on the same silo (the common case) Orleans passes them without copying,
    /// which matters for a trial's input and its embeddings.
    /// </remarks>
    [Alias("RunTrialAsync")]
    Task<Immutable<TrialOutcome>> RunTrialAsync(Immutable<SandboxModel> model, Immutable<TrialInput> input);

    /// <summary>Measures the model on every device of this silo.</summary>
    [Alias("BenchmarkAsync")]
    Task<IReadOnlyList<DeviceBenchmark>> BenchmarkAsync(SandboxModel model);

    public static string KeyFor(string deviceKind, int slot) => $"{deviceKind}/{slot}";

    public static string DeviceKindOf(string key) => key.Split('/')[0];
}

/// <summary>
/// An organisation's sandbox quota (key: organisation id). It is also where a trial is decided
/// exactly once: a trial id (from the client's idempotency key) is admitted, counted and charged
/// once, however many requests carry it at the same time.
/// </summary>
[Alias("Marketplace.ISandboxQuotaGrain")]
public interface ISandboxQuotaGrain : IGrainWithStringKey
{
    /// <summary>
    /// Decides a trial: admitted (counted, its expected compute reserved), a replay of one already
    /// finished, still running, a key reused for another request, or refused with a retry time.
    /// </summary>
    [Alias("AdmitTrialAsync")]
    Task<TrialAdmission> AdmitTrialAsync(TrialTicket ticket);

    /// <summary>
    /// A trial admitted here ended: its reservation is released and the compute it really used is
    /// charged. Awaited by the trial, so a retry that follows the answer finds it finished.
    /// </summary>
    [Alias("SettleTrialAsync")]
    Task SettleTrialAsync(string trialId, double computeSeconds);

    /// <summary>
    /// A generation admitted here ended: its reserved compute and tokens are released and what it
    /// really used is charged (prompt and generated tokens together).
    /// </summary>
    [Alias("SettleGenerationAsync")]
    Task SettleGenerationAsync(string generationId, double computeSeconds, long tokens);

    [Alias("GetAsync")]
    Task<QuotaStatus> GetAsync();

    /// <summary>Gives this organisation its own quota (an operator's decision); null returns it to the default.</summary>
    [Alias("SetPolicyAsync")]
    Task<QuotaStatus> SetPolicyAsync(QuotaPolicy? policy);
}

/// <summary>
/// One trial as the quota sees it. <see cref="Fingerprint"/> names what it runs (model version and
/// input), so an idempotency key sent again with another request is told apart from a retry. A
/// generation also reserves its prompt and every token it may generate against the daily tokens.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.TrialTicket")]
public sealed record TrialTicket(
    [property: Id(0)] string TrialId,
    [property: Id(1)] string ListingId,
    [property: Id(2)] string Fingerprint,
    [property: Id(3)] bool Keyed,
    [property: Id(4)] double ReserveComputeSeconds,
    [property: Id(5)] Domain.Billing.TrialCharge? Charge = null,
    [property: Id(6)] long ReserveGenerationTokens = 0);

public enum TrialVerdict
{
    /// <summary>Counted and reserved: run it, meter it, settle it.</summary>
    Admitted,

    /// <summary>Already admitted and finished: answer again without counting it.</summary>
    Replay,

    /// <summary>The same trial is running now (another request with its key).</summary>
    Running,

    /// <summary>The key was first used for a different request.</summary>
    KeyReused,

    /// <summary>Over a quota or the rate; <see cref="TrialAdmission.RetryAfter"/> says when to retry.</summary>
    Refused,
}

[GenerateSerializer, Immutable, Alias("Marketplace.TrialAdmission")]
public sealed record TrialAdmission(
    [property: Id(0)] TrialVerdict Verdict,
    [property: Id(1)] string? Reason = null,
    [property: Id(2)] TimeSpan RetryAfter = default,
    [property: Id(3)] Domain.Billing.SpendDecision? Paid = null);

[GenerateSerializer, Immutable, Alias("Marketplace.QuotaStatus")]
public sealed record QuotaStatus(
    [property: Id(0)] QuotaPolicy Policy,
    [property: Id(1)] QuotaUsage Usage);

/// <summary>Measured benchmarks of a model listing per device (key: listing id).</summary>
[Alias("Marketplace.IModelBenchmarksGrain")]
public interface IModelBenchmarksGrain : IGrainWithStringKey
{
    /// <summary>Keeps the newest result per device and model file.</summary>
    [Alias("RecordAsync")]
    Task RecordAsync(IReadOnlyList<DeviceBenchmark> results);

    [Alias("ListAsync")]
    Task<IReadOnlyList<DeviceBenchmark>> ListAsync();
}
