using Marketplace.Abstractions.Sandbox;
using Orleans.Placement;
using Orleans.Runtime.Placement;

namespace Marketplace.Grains.Sandbox;

/// <summary>Places a sandbox runner on a silo that has the device kind named in its key.</summary>
public sealed class DevicePlacementStrategy : PlacementStrategy
{
    public static DevicePlacementStrategy Instance { get; } = new();
}

[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class DevicePlacementAttribute() : PlacementAttribute(DevicePlacementStrategy.Instance);

/// <summary>
/// Among the silos that can host the grain, those advertising the wanted device kind (e.g. CUDA)
/// win, the least busy first; with none, a CPU silo takes the work. Ties go to a random silo so
/// activations spread.
/// </summary>
public sealed class DevicePlacementDirector(IDeviceDirectory devices) : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var compatible = context.GetCompatibleSilos(target);
        var kind = ISandboxRunnerGrain.DeviceKindOf(target.GrainIdentity.Key.ToString() ?? "CPU");
        var chosen = Pick(devices.SilosWith(kind), compatible) ?? Pick(devices.SilosWith("CPU"), compatible);
        return Task.FromResult(chosen ?? compatible[Random.Shared.Next(compatible.Length)]);
    }

    private static SiloAddress? Pick(IReadOnlyDictionary<string, int> load, SiloAddress[] compatible)
    {
        var candidates = compatible
            .Select(silo => (Silo: silo, Busy: load.TryGetValue(silo.ToParsableString(), out var busy) ? busy : (int?)null))
            .Where(c => c.Busy is not null)
            .ToList();
        if (candidates.Count == 0)
        {
            return null;
        }
        var least = candidates.Min(c => c.Busy!.Value);
        var best = candidates.Where(c => c.Busy == least).ToList();
        return best[Random.Shared.Next(best.Count)].Silo;
    }
}
