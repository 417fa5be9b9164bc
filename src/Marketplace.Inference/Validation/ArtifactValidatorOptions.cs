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
    /// The worker's memory limit before the model's own share: its address space (prlimit --as)
    /// where /usr/bin/prlimit exists, else its working set, polled. .NET and ONNX Runtime with its
    /// CUDA-capable library need about 3 GiB of address space before loading anything;
    /// a session for a 90 MB transformer needs about 1 GiB more.
    /// </summary>
    public long MemoryLimitBytes { get; init; } = 4L * 1024 * 1024 * 1024;

    /// <summary>Added to the limit per byte of the model file (the file, its parsed form and ONNX Runtime's copy).</summary>
    public int MemoryPerModelByte { get; init; } = 4;

    /// <summary>False polls the working set even where prlimit exists.</summary>
    public bool UsePrlimit { get; init; } = true;

    public InspectionLimits Limits { get; init; } = new();
}
