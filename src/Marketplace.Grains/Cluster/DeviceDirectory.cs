using Marketplace.Abstractions.Cluster;
using Marketplace.Abstractions.Sandbox;
using Marketplace.Grains.Sandbox;

namespace Marketplace.Grains.Cluster;

/// <summary>
/// The cluster's devices as last advertised (refreshed every few seconds by the advertiser):
/// placement reads it to put work where the device is, routing to pick a runner key.
/// </summary>
public sealed class DeviceDirectory : IDeviceDirectory, ISandboxRouting
{
    private const int RunnersPerKind = 4;
    private volatile IReadOnlyList<SiloDevices> _silos = [];

    public void Update(IReadOnlyList<SiloDevices> silos) => _silos = silos;

    public IReadOnlyDictionary<string, int> SilosWith(string deviceKind) =>
        _silos.Where(s => s.Devices.Any(d => d.Kind == deviceKind)).ToDictionary(s => s.SiloAddress, s => s.InFlight);

    public string NextRunner()
    {
        var kind = _silos.Any(s => s.Devices.Any(d => d.Kind == "CUDA")) ? "CUDA" : "CPU";
        return ISandboxRunnerGrain.KeyFor(kind, Random.Shared.Next(RunnersPerKind));
    }

    public IReadOnlyList<string> RunnerPerDeviceKind()
    {
        var kinds = _silos.SelectMany(s => s.Devices.Select(d => d.Kind)).Distinct().ToList();
        return (kinds.Count == 0 ? ["CPU"] : kinds).Select(k => ISandboxRunnerGrain.KeyFor(k, 0)).ToList();
    }
}
