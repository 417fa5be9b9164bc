using Marketplace.Domain.Sandbox;

namespace Marketplace.Grains.Sandbox;

/// <summary>
/// This silo's inference engine as the sandbox grains see it. The host implements it over
/// Marketplace.Inference, which runs models on its own device threads.
/// </summary>
public interface ISandboxEngine
{
    Task<TrialOutcome> RunTrialAsync(SandboxModel model, TrialInput input, CancellationToken cancellationToken);

    Task<IReadOnlyList<DeviceBenchmark>> BenchmarkAsync(SandboxModel model, CancellationToken cancellationToken);
}

/// <summary>Which device classes each silo has and how busy it is, for placement.</summary>
public interface IDeviceDirectory
{
    /// <summary>Silos (as parsable addresses) with the number of sandbox runs each has in flight, for a device kind.</summary>
    IReadOnlyDictionary<string, int> SilosWith(string deviceKind);
}
