using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Inference.Devices;

namespace Marketplace.Api.Tests;

/// <summary>
/// What a test may expect of devices on any machine: whatever the engine found (a GPU or not),
/// results name a device system info lists, and a CPU run says plainly why no GPU ran it.
/// </summary>
internal static class DeviceExpectations
{
    /// <summary>System info's devices, once this host has advertised them.</summary>
    public static async Task<JsonArray> AdvertisedAsync(HttpClient admin)
    {
        for (var attempt = 0; ; attempt++)
        {
            var devices = (await admin.GetFromJsonAsync<JsonObject>("/api/v1/system/info"))!["devices"]!.AsArray();
            if (devices.Count > 0 || attempt == 100)
            {
                return devices;
            }
            await Task.Delay(100);
        }
    }

    public static async Task AssertRanOnAdvertisedDeviceAsync(HttpClient admin, JsonObject trial)
    {
        var devices = await AdvertisedAsync(admin);
        var (id, kind) = (trial["device"]!.GetValue<string>(), trial["deviceKind"]!.GetValue<string>());
        Assert.Contains(devices, d => d!["id"]!.GetValue<string>() == id && d["kind"]!.GetValue<string>() == kind);
        var reason = trial["fallbackReason"]?.GetValue<string>();
        if (kind == "CUDA")
        {
            Assert.Null(reason);
        }
        else
        {
            var hostHasGpu = devices.Any(d => d!["kind"]!.GetValue<string>() == "CUDA");
            Assert.Equal(hostHasGpu ? FallbackReasons.GpusBusy : FallbackReasons.NoGpu, reason);
        }
    }
}
