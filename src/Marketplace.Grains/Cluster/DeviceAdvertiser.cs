using Marketplace.Abstractions.Cluster;
using Marketplace.Grains.Sandbox.Engine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Hosting;

namespace Marketplace.Grains.Cluster;

/// <summary>
/// Tells the cluster which devices this silo has and how busy its sandbox is, at start and then
/// every few seconds (so the registry refills itself if its activation moves), and brings back
/// every silo's devices for placement and routing.
/// </summary>
public sealed partial class DeviceAdvertiser(
    IGrainFactory grains,
    ILocalSiloDetails silo,
    ILocalDeviceSource devices,
    SandboxLoad load,
    DeviceDirectory directory,
    TimeProvider time,
    ILogger<DeviceAdvertiser> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogDevices(devices.Note ?? string.Join(", ", devices.Devices.Select(d => $"{d.Id} ({d.Name})")));
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            do
            {
                await AdvertiseAsync();
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task AdvertiseAsync()
    {
        try
        {
            var registry = grains.GetGrain<IDeviceRegistryGrain>(0);
            await registry.AdvertiseAsync(new SiloDevices(silo.SiloAddress.ToParsableString(), devices.Devices, time.GetUtcNow(), load.InFlight, devices.Note));
            directory.Update(await registry.ListAsync());
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogAdvertiseFailed(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox devices on this silo: {Devices}")]
    private partial void LogDevices(string devices);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not advertise this silo's devices; retrying at the next interval")]
    private partial void LogAdvertiseFailed(Exception exception);
}
