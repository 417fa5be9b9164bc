using System.Diagnostics;
using System.Text.Json;

namespace Marketplace.Inference.Validation;

/// <summary>
/// Validates a partner's model file in a separate worker process with a time and memory limit, so
/// a malformed or hostile file can crash, hang or exhaust only that process. Never throws for a bad
/// file: a crash, kill or timeout of the worker is an Invalid report with the reason.
/// </summary>
public sealed class ArtifactValidator(ArtifactValidatorOptions? options = null)
{
    private const string WorkerFileName = "Marketplace.Inference.Worker.dll";
    private const string Prlimit = "/usr/bin/prlimit";
    private readonly ArtifactValidatorOptions _options = options ?? new ArtifactValidatorOptions();

    public async Task<ArtifactReport> ValidateAsync(string artifactPath, DeclaredSchema? declared = null, CancellationToken cancellationToken = default)
    {
        var worker = _options.WorkerPath ?? Path.Combine(AppContext.BaseDirectory, WorkerFileName);
        if (!File.Exists(worker))
        {
            worker = Path.Combine(Path.GetDirectoryName(typeof(ArtifactValidator).Assembly.Location) ?? "", WorkerFileName);
        }
        if (!File.Exists(worker))
        {
            throw new FileNotFoundException("the validation worker is missing: reference Marketplace.Inference.Worker from the host or set WorkerPath", worker);
        }
        var fileBytes = File.Exists(artifactPath) ? new FileInfo(artifactPath).Length : 0;
        var memoryLimit = _options.MemoryLimitBytes + (fileBytes * _options.MemoryPerModelByte);
        using var process = new Process { StartInfo = StartInfo(worker, memoryLimit) };
        process.Start();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        var request = new WorkerRequest(Path.GetFullPath(artifactPath), declared, _options.Limits);
        try
        {
            await process.StandardInput.WriteAsync(JsonSerializer.Serialize(request, WorkerProtocol.Json).AsMemory(), cancellationToken);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The worker died before reading its request; its exit code tells the rest.
        }

        var killedFor = await SuperviseAsync(process, memoryLimit, cancellationToken);
        var output = await SafeAsync(stdout);
        var errors = await SafeAsync(stderr);
        if (killedFor is not null)
        {
            return ArtifactReport.Invalid($"the validator process was killed: {killedFor}");
        }
        if (process.ExitCode == 0)
        {
            try
            {
                var report = JsonSerializer.Deserialize<ArtifactReport>(output, WorkerProtocol.Json);
                if (report is not null)
                {
                    return report;
                }
            }
            catch (JsonException)
            {
            }
        }
        return ArtifactReport.Invalid($"the validator process crashed (exit code {process.ExitCode}){Tail(errors)}");
    }

    /// <summary>Waits for the worker; kills it past the time limit or (without prlimit) the memory limit.</summary>
    private async Task<string?> SuperviseAsync(Process process, long memoryLimit, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var pollMemory = !PrlimitApplies;
        while (true)
        {
            using var tick = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            tick.CancelAfter(TimeSpan.FromMilliseconds(50));
            try
            {
                await process.WaitForExitAsync(tick.Token);
                return null;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }
            catch (OperationCanceledException)
            {
                Kill(process);
                throw;
            }
            if (Stopwatch.GetElapsedTime(started) > _options.Timeout)
            {
                Kill(process);
                return $"it timed out after {_options.Timeout.TotalSeconds:0.#} s";
            }
            if (pollMemory && WorkingSet(process) > memoryLimit)
            {
                Kill(process);
                return $"it exceeded the memory limit of {memoryLimit / (1024 * 1024)} MiB";
            }
        }
    }

    private bool PrlimitApplies => _options.UsePrlimit && File.Exists(Prlimit);

    private ProcessStartInfo StartInfo(string worker, long memoryLimit)
    {
        var dotnet = _options.DotnetPath ?? DotnetHost();
        var info = new ProcessStartInfo
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (PrlimitApplies)
        {
            info.FileName = Prlimit;
            info.ArgumentList.Add($"--as={memoryLimit}");
            info.ArgumentList.Add("--");
            info.ArgumentList.Add(dotnet);
        }
        else
        {
            info.FileName = dotnet;
        }
        info.ArgumentList.Add(worker);
        // The worker needs no tiered compilation warm-up; and it must not inherit a debugger.
        info.Environment["DOTNET_TieredPGO"] = "0";
        info.Environment.Remove("DOTNET_STARTUP_HOOKS");
        return info;
    }

    /// <summary>The dotnet executable: this process when it is dotnet, else the SDK's variables, else PATH.</summary>
    private static string DotnetHost()
    {
        var self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            return self;
        }
        var hostPath = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(hostPath) && File.Exists(hostPath))
        {
            return hostPath;
        }
        var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (!string.IsNullOrEmpty(root) && File.Exists(Path.Combine(root, "dotnet")))
        {
            return Path.Combine(root, "dotnet");
        }
        return "dotnet";
    }

    private static long WorkingSet(Process process)
    {
        try
        {
            process.Refresh();
            return process.WorkingSet64;
        }
        catch (InvalidOperationException)
        {
            return 0;
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static async Task<string> SafeAsync(Task<string> read)
    {
        try
        {
            return await read;
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            return "";
        }
    }

    private static string Tail(string errors)
    {
        // The last words before the crash, without the runtime's source paths and signatures.
        var text = errors.Trim().ReplaceLineEndings(" ");
        return text.Length == 0 ? "" : ": " + ReadableText.FromRuntime(text.Length <= 600 ? text : text[^600..]);
    }
}
