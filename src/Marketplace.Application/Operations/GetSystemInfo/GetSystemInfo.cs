using Marketplace.Abstractions.Cluster;
using Marketplace.Application.Common.Security;
using Mediator;

namespace Marketplace.Application.Operations.GetSystemInfo;

/// <summary>Version, mode, the cluster's active silos and the compute devices each one has.</summary>
public sealed record GetSystemInfo : IQuery<SystemInfo>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Operator();
}

public sealed record SystemInfo(string Version, string Mode, IReadOnlyList<SiloInfo> Silos, IReadOnlyList<DeviceInfo> Devices);

/// <summary>
/// A silo and its devices; <c>DeviceNote</c> says why it has no usable GPU in the runtime's own
/// words (for operators; buyers read a plain fallback reason).
/// </summary>
public sealed record SiloInfo(string Address, string Name, string Status, DateTime StartedAt, IReadOnlyList<ComputeDevice> Devices, string? DeviceNote);

public sealed record DeviceInfo(string Id, string Kind, string Name, string Silo);

/// <summary>Facts about this installation that only the host knows.</summary>
public interface IRuntimeInfo
{
    string Version { get; }

    /// <summary>"Embedded" or "Cluster".</summary>
    string Mode { get; }
}

public sealed class GetSystemInfoHandler(IGrainFactory grains, IRuntimeInfo runtime) : IQueryHandler<GetSystemInfo, SystemInfo>
{
    public async ValueTask<SystemInfo> Handle(GetSystemInfo query, CancellationToken cancellationToken)
    {
        var hostsTask = grains.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: true);
        var devicesTask = grains.GetGrain<IDeviceRegistryGrain>(0).ListAsync();
        var hosts = await hostsTask;
        var devices = (await devicesTask).ToDictionary(d => d.SiloAddress);
        var silos = hosts
            .OrderBy(h => h.StartTime)
            .Select(h => new SiloInfo(
                h.SiloAddress.ToParsableString(),
                h.SiloName,
                h.Status.ToString(),
                h.StartTime,
                devices.GetValueOrDefault(h.SiloAddress.ToParsableString())?.Devices ?? [],
                devices.GetValueOrDefault(h.SiloAddress.ToParsableString())?.Note))
            .ToList();
        var flat = silos.SelectMany(s => s.Devices.Select(d => new DeviceInfo(d.Id, d.Kind, d.Name, s.Address))).ToList();
        return new SystemInfo(runtime.Version, runtime.Mode, silos, flat);
    }
}
