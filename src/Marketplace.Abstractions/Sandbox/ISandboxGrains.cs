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

/// <summary>An organisation's sandbox quota (key: organisation id).</summary>
[Alias("Marketplace.ISandboxQuotaGrain")]
public interface ISandboxQuotaGrain : IGrainWithStringKey
{
    /// <summary>Admits one trial or says when to retry; an admitted trial is already counted.</summary>
    [Alias("AdmitAsync")]
    Task<QuotaDecision> AdmitAsync();

    /// <summary>
    /// Adds a finished trial's compute to the day it was admitted on. One-way: the trial's answer
    /// does not wait for it, and the usage ledger row (awaited) is what survives a restart.
    /// </summary>
    [Alias("ChargeAsync"), OneWay]
    Task ChargeAsync(DateOnly admittedOn, double computeSeconds);

    [Alias("GetAsync")]
    Task<QuotaStatus> GetAsync();

    /// <summary>Gives this organisation its own quota (an operator's decision); null returns it to the default.</summary>
    [Alias("SetPolicyAsync")]
    Task<QuotaStatus> SetPolicyAsync(QuotaPolicy? policy);
}

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
