using Marketplace.Inference.Devices;

namespace Marketplace.Inference.Execution;

/// <summary>
/// How many runs each device takes at once. Beyond that, requests wait (and, for batched models,
/// join the next batch) instead of oversubscribing the cores or the GPU.
/// </summary>
internal sealed class DeviceSlots : IDisposable
{
    private readonly Dictionary<string, SemaphoreSlim> _slots;

    public DeviceSlots(IEnumerable<ComputeDeviceInfo> devices, int cpuConcurrency, int cudaConcurrency) =>
        _slots = devices.ToDictionary(d => d.Id, d => new SemaphoreSlim(Math.Max(1, d.IsCuda ? cudaConcurrency : cpuConcurrency)));

    public SemaphoreSlim For(ComputeDeviceInfo device) => _slots[device.Id];

    public bool HasFreeSlot(ComputeDeviceInfo device) => _slots[device.Id].CurrentCount > 0;

    public void Dispose()
    {
        foreach (var slot in _slots.Values)
        {
            slot.Dispose();
        }
    }
}
