using Marketplace.Abstractions.Cluster;

namespace Marketplace.Grains.Cluster;

/// <summary>Kept in memory: silos re-advertise periodically, so a lost activation refills itself.</summary>
public sealed class DeviceRegistryGrain : Grain, IDeviceRegistryGrain
{
    private readonly Dictionary<string, SiloDevices> _silos = [];

    public Task AdvertiseAsync(SiloDevices silo)
    {
        _silos[silo.SiloAddress] = silo;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<SiloDevices>> ListAsync() =>
        Task.FromResult<IReadOnlyList<SiloDevices>>(_silos.Values.ToList());
}
