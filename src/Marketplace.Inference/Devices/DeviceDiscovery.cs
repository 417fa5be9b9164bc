using Marketplace.Inference.Onnx;
using Microsoft.ML.OnnxRuntime;

namespace Marketplace.Inference.Devices;

public sealed class DeviceDiscoveryOptions
{
    /// <summary>Skip CUDA entirely (the reason says so).</summary>
    public bool DisableCuda { get; init; }

    /// <summary>How many CUDA ordinals to try at most; discovery stops at the first that fails.</summary>
    public int MaxCudaDevices { get; init; } = 8;

    /// <summary>Replaced by tests to simulate a machine whose CUDA provider cannot be created.</summary>
    public CudaProviderAppender AppendCuda { get; init; } = ExecutionProviders.Cuda;
}

/// <summary>
/// Finds the devices this process can run on. <c>OrtEnv.GetAvailableProviders()</c> lists CUDA
/// even on machines without a GPU, so each CUDA ordinal is tested by creating a session on it and
/// running a one-node model; the CPU is always there.
/// </summary>
public static class DeviceDiscovery
{
    public static DeviceDiscoveryResult Discover(DeviceDiscoveryOptions? options = null)
    {
        options ??= new DeviceDiscoveryOptions();
        ExecutionProviders.QuietEnvironment();
        var devices = new List<ComputeDeviceInfo>();
        string? reason = null;
        if (options.DisableCuda)
        {
            reason = "disabled by configuration";
        }
        else
        {
            var gpuNames = HardwareNames.NvidiaGpus();
            for (var ordinal = 0; ordinal < options.MaxCudaDevices; ordinal++)
            {
                var failure = TryCuda(options.AppendCuda, ordinal);
                if (failure is not null)
                {
                    // The first ordinal's failure says why there is no CUDA at all; a later one only
                    // marks the end of the list of GPUs.
                    if (ordinal == 0)
                    {
                        reason = failure;
                    }
                    break;
                }
                devices.Add(ComputeDeviceInfo.Cuda(ordinal, ordinal < gpuNames.Count ? gpuNames[ordinal] : $"CUDA device {ordinal}"));
            }
        }
        devices.Add(ComputeDeviceInfo.Cpu(HardwareNames.Cpu()));
        return new DeviceDiscoveryResult(devices, reason);
    }

    /// <summary>Null when a session on that CUDA ordinal was created and ran; else the error.</summary>
    private static string? TryCuda(CudaProviderAppender appendCuda, int ordinal)
    {
        try
        {
            using var options = new SessionOptions { LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL };
            appendCuda(options, ordinal);
            using var session = new InferenceSession(ProbeModel.Bytes, options);
            using var input = OrtValue.CreateTensorValueFromMemory(new float[] { 1f }, [1]);
            using var runOptions = new RunOptions();
            using var outputs = session.Run(runOptions, ["x"], [input], ["y"]);
            return outputs[0].GetTensorDataAsSpan<float>()[0] == 2f ? null : "the CUDA probe model returned a wrong result";
        }
        catch (Exception e) when (e is OnnxRuntimeException or DllNotFoundException or EntryPointNotFoundException or InvalidOperationException)
        {
            return OneLine(e.Message);
        }
    }

    private static string OneLine(string message)
    {
        var line = message.ReplaceLineEndings(" ").Trim();
        return line.Length <= 400 ? line : line[..400] + "…";
    }
}
