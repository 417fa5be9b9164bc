namespace Marketplace.Inference.Validation;

public sealed class ArtifactValidatorOptions
{
    /// <summary>
    /// The worker's dll. Null looks for Marketplace.Inference.Worker.dll beside this library, where
    /// it lands when the host references the worker project.
    /// </summary>
    public string? WorkerPath { get; init; }

    /// <summary>The dotnet host that runs the worker; null uses the one running this process.</summary>
    public string? DotnetPath { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The worker's address-space limit (prlimit --as) where /usr/bin/prlimit exists, else its
    /// working set, polled. .NET itself needs about 1.5 GiB of address space to start.
    /// </summary>
    public long MemoryLimitBytes { get; init; } = 4L * 1024 * 1024 * 1024;

    /// <summary>False polls the working set even where prlimit exists.</summary>
    public bool UsePrlimit { get; init; } = true;

    public InspectionLimits Limits { get; init; } = new();
}
