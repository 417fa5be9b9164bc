namespace Marketplace.Abstractions.Cluster;

/// <summary>
/// Where each silo advertises its compute devices at start (key: 0). In-memory on purpose: silos
/// re-advertise when they start, and entries of dead silos are filtered by membership.
/// </summary>
[Alias("Marketplace.IDeviceRegistryGrain")]
public interface IDeviceRegistryGrain : IGrainWithIntegerKey
{
    [Alias("AdvertiseAsync")]
    Task AdvertiseAsync(SiloDevices silo);

    [Alias("ListAsync")]
    Task<IReadOnlyList<SiloDevices>> ListAsync();
}
