using Marketplace.Abstractions.Cluster;

namespace Marketplace.Host.Cluster;

/// <summary>
/// Tells the cluster which devices this silo has, at start and then every 30 s, so the
/// registry refills itself if its activation moves or its silo dies.
/// </summary>
internal sealed partial class DeviceAdvertiser(
    IGrainFactory grains,
    ILocalSiloDetails silo,
    ILocalDeviceSource devices,
    TimeProvider time,
    ILogger<DeviceAdvertiser> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
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
            await grains.GetGrain<IDeviceRegistryGrain>(0).AdvertiseAsync(
                new SiloDevices(silo.SiloAddress.ToParsableString(), devices.Devices, time.GetUtcNow()));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogAdvertiseFailed(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not advertise this silo's devices; retrying at the next interval")]
    private partial void LogAdvertiseFailed(Exception exception);
}
