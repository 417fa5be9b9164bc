using Marketplace.Inference.Devices;
using Microsoft.ML.OnnxRuntime;

namespace Marketplace.Inference.Sessions;

/// <summary>
/// The ONNX Runtime session settings every model shares, encoders and decoders alike: full graph
/// optimisation, CUDA on a GPU device, and on the CPU the configured thread count and spinning policy
/// (spinning threads steal the cores other requests need on a small machine).
/// </summary>
internal static class SessionSettings
{
    public static SessionOptions For(ComputeDeviceInfo device, DeviceDiscoveryOptions discovery, int cpuIntraOpThreads, CpuSpinning spinning)
    {
        var sessionOptions = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        };
        try
        {
            if (device.IsCuda)
            {
                discovery.AppendCuda(sessionOptions, device.CudaOrdinal);
                return sessionOptions;
            }
            if (cpuIntraOpThreads > 0)
            {
                sessionOptions.IntraOpNumThreads = cpuIntraOpThreads;
            }
            switch (spinning)
            {
                case CpuSpinning.Off:
                    sessionOptions.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
                    break;
                case CpuSpinning.WhileRunning:
                    sessionOptions.AddSessionConfigEntry("session.force_spinning_stop", "1");
                    break;
            }
            return sessionOptions;
        }
        catch
        {
            sessionOptions.Dispose();
            throw;
        }
    }
}
