using Marketplace.Abstractions.Cluster;

namespace Marketplace.Host.Cluster;

/// <summary>The compute devices this process can run work on.</summary>
public interface ILocalDeviceSource
{
    IReadOnlyList<ComputeDevice> Devices { get; }
}

/// <summary>The CPU, named as the operating system names it.</summary>
internal sealed class CpuDeviceSource : ILocalDeviceSource
{
    public IReadOnlyList<ComputeDevice> Devices { get; } =
        [new ComputeDevice("cpu", "CPU", $"{CpuModelName()} ({Environment.ProcessorCount} logical cores)")];

    private static string CpuModelName()
    {
        const string cpuInfo = "/proc/cpuinfo";
        if (File.Exists(cpuInfo))
        {
            var line = File.ReadLines(cpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            if (line?.Split(':', 2) is [_, var name] && name.Trim().Length > 0)
            {
                return name.Trim();
            }
        }
        return System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture + " CPU";
    }
}
