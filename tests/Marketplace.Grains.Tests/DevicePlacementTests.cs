using System.Net;
using Marketplace.Abstractions.Sandbox;
using Marketplace.Grains.Sandbox;
using Orleans.Runtime.Placement;

namespace Marketplace.Grains.Tests;

public sealed class DevicePlacementTests
{
    private static readonly SiloAddress CpuOnly = Silo(1);
    private static readonly SiloAddress GpuBusy = Silo(2);
    private static readonly SiloAddress GpuIdle = Silo(3);
    private static readonly SiloAddress Unknown = Silo(4);

    private static SiloAddress Silo(int n) => SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 11110 + n), n);

    private sealed class Directory(Dictionary<string, Dictionary<string, int>> byKind) : IDeviceDirectory
    {
        public IReadOnlyDictionary<string, int> SilosWith(string deviceKind) =>
            byKind.TryGetValue(deviceKind, out var silos) ? silos : [];
    }

    private sealed class Context(params SiloAddress[] compatible) : IPlacementContext
    {
        public SiloAddress[] GetCompatibleSilos(PlacementTarget target) => compatible;

        public IReadOnlyDictionary<ushort, SiloAddress[]> GetCompatibleSilosWithVersions(PlacementTarget target) => new Dictionary<ushort, SiloAddress[]> { [0] = compatible };

        public SiloAddress LocalSilo => compatible[0];

        public SiloStatus LocalSiloStatus => SiloStatus.Active;
    }

    private static readonly Directory Cluster = new(new()
    {
        ["CPU"] = new() { [CpuOnly.ToParsableString()] = 0, [GpuBusy.ToParsableString()] = 0, [GpuIdle.ToParsableString()] = 0 },
        ["CUDA"] = new() { [GpuBusy.ToParsableString()] = 5, [GpuIdle.ToParsableString()] = 1 },
    });

    private static Task<SiloAddress> PlaceAsync(IDeviceDirectory devices, string key, params SiloAddress[] compatible) =>
        new DevicePlacementDirector(devices).OnAddActivation(
            DevicePlacementStrategy.Instance,
            new PlacementTarget(GrainId.Create("sandboxrunner", key), [], GrainInterfaceType.Create("ISandboxRunnerGrain"), 0),
            new Context(compatible));

    [Fact]
    public async Task Gpu_work_goes_to_the_least_busy_silo_with_a_gpu() =>
        Assert.Equal(GpuIdle, await PlaceAsync(Cluster, ISandboxRunnerGrain.KeyFor("CUDA", 0), CpuOnly, GpuBusy, GpuIdle));

    [Fact]
    public async Task Gpu_work_falls_back_to_a_cpu_silo_when_no_compatible_silo_has_a_gpu() =>
        Assert.Equal(CpuOnly, await PlaceAsync(Cluster, ISandboxRunnerGrain.KeyFor("CUDA", 1), CpuOnly, Unknown));

    [Fact]
    public async Task Only_silos_that_advertised_devices_are_chosen_while_any_did()
    {
        for (var i = 0; i < 20; i++)
        {
            Assert.NotEqual(Unknown, await PlaceAsync(Cluster, ISandboxRunnerGrain.KeyFor("CPU", i % 4), Unknown, CpuOnly, GpuIdle));
        }
    }

    [Fact]
    public async Task With_no_advertisements_yet_any_compatible_silo_will_do() =>
        Assert.Equal(Unknown, await PlaceAsync(new Directory([]), ISandboxRunnerGrain.KeyFor("CUDA", 0), Unknown));
}
