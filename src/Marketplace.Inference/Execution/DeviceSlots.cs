using Marketplace.Inference.Devices;

namespace Marketplace.Inference.Execution;

/// <summary>
/// How many runs each device takes at once, and the threads that make them. A run first takes a
/// slot (waiting, or for batched models joining the next batch, when none is free), then runs on
/// one of the device's threads; there are as many threads as slots.
/// </summary>
internal sealed class DeviceSlots : IDisposable
{
    private readonly Dictionary<string, (SemaphoreSlim Slot, DeviceExecutor Executor)> _devices;

    public DeviceSlots(IEnumerable<ComputeDeviceInfo> devices, int cpuConcurrency, int cudaConcurrency) =>
        _devices = devices.ToDictionary(d => d.Id, d =>
        {
            var concurrency = Math.Max(1, d.IsCuda ? cudaConcurrency : cpuConcurrency);
            return (new SemaphoreSlim(concurrency), new DeviceExecutor(d.Id, concurrency));
        });

    public SemaphoreSlim For(ComputeDeviceInfo device) => _devices[device.Id].Slot;

    public DeviceExecutor ExecutorFor(ComputeDeviceInfo device) => _devices[device.Id].Executor;

    public bool HasFreeSlot(ComputeDeviceInfo device) => _devices[device.Id].Slot.CurrentCount > 0;

    public void Dispose()
    {
        foreach (var (slot, executor) in _devices.Values)
        {
            executor.Dispose();
            slot.Dispose();
        }
    }
}
