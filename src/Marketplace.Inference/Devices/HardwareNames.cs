namespace Marketplace.Inference.Devices;

/// <summary>Human names for devices, read from what Linux exposes; a generic name elsewhere.</summary>
internal static class HardwareNames
{
    public static string Cpu()
    {
        try
        {
            var model = File.Exists("/proc/cpuinfo")
                ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))
                : null;
            var name = model is null ? "CPU" : model[(model.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
            return $"{name} ({Environment.ProcessorCount} logical cores)";
        }
        catch (IOException)
        {
            return $"CPU ({Environment.ProcessorCount} logical cores)";
        }
    }

    /// <summary>
    /// GPU model names from the NVIDIA driver's /proc entries, in PCI bus order (CUDA's default
    /// order is fastest-first, which matches on machines with one kind of GPU).
    /// </summary>
    public static IReadOnlyList<string> NvidiaGpus()
    {
        const string root = "/proc/driver/nvidia/gpus";
        try
        {
            if (!Directory.Exists(root))
            {
                return [];
            }
            return Directory.GetDirectories(root)
                .Order(StringComparer.Ordinal)
                .Select(dir => Path.Combine(dir, "information"))
                .Where(File.Exists)
                .Select(file => File.ReadLines(file).FirstOrDefault(l => l.StartsWith("Model:", StringComparison.Ordinal)))
                .Select(line => line is null ? "NVIDIA GPU" : line["Model:".Length..].Trim())
                .ToList();
        }
        catch (IOException)
        {
            return [];
        }
        catch (UnauthorizedAccessException)
        {
            return [];
        }
    }
}
