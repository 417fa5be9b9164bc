using System.Runtime.InteropServices;

namespace Marketplace.Benchmarks.Search;

/// <summary>What the figures were measured on, from /proc and the runtime.</summary>
public static class MachineDescription
{
    public static string Describe()
    {
        var cpu = ReadField("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();
        var memory = ReadField("/proc/meminfo", "MemTotal");
        var memoryText = memory is not null && long.TryParse(memory.Split(' ')[0], out var kb) ? $", {kb / 1024 / 1024.0:F1} GiB RAM" : "";
        return $"{cpu}, {Environment.ProcessorCount} cores{memoryText}; {RuntimeInformation.OSDescription}; .NET {Environment.Version}";
    }

    /// <summary>The 1-minute load average: other work on the machine shows in the tail latencies, so the report states it.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    private static string? ReadField(string path, string field)
    {
        if (!File.Exists(path))
        {
            return null;
        }
        return File.ReadLines(path)
            .Where(line => line.StartsWith(field, StringComparison.Ordinal))
            .Select(line => line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim())
            .FirstOrDefault();
    }
}
