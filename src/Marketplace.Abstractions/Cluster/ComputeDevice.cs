namespace Marketplace.Abstractions.Cluster;

/// <summary>A compute device a silo can run inference on (the CPU always, GPUs where present).</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.ComputeDevice")]
public sealed record ComputeDevice(
    [property: Id(0)] string Id,
    [property: Id(1)] string Kind,
    [property: Id(2)] string Name);

/// <summary>The devices one silo advertises.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.SiloDevices")]
public sealed record SiloDevices(
    [property: Id(0)] string SiloAddress,
    [property: Id(1)] IReadOnlyList<ComputeDevice> Devices,
    [property: Id(2)] DateTimeOffset AdvertisedAt,
    [property: Id(3)] int InFlight = 0,
    [property: Id(4)] string? Note = null);
