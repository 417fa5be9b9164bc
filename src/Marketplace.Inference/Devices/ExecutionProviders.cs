using Microsoft.ML.OnnxRuntime;

namespace Marketplace.Inference.Devices;

/// <summary>
/// How a CUDA device is attached to session options. Discovery and the session cache both go
/// through it, so a test can replace it to force the "CUDA cannot be created" path.
/// </summary>
public delegate void CudaProviderAppender(SessionOptions options, int ordinal);

public static class ExecutionProviders
{
    /// <summary>The real thing: ONNX Runtime's CUDA execution provider on one GPU.</summary>
    public static readonly CudaProviderAppender Cuda = static (options, ordinal) => options.AppendExecutionProvider_CUDA(ordinal);

    /// <summary>
    /// ONNX Runtime logs a native error on stderr when the CUDA libraries are missing; the
    /// outcome is reported by discovery instead, so the environment only logs fatal errors.
    /// Called before the first session is created.
    /// </summary>
    public static void QuietEnvironment()
    {
        var env = OrtEnv.Instance();
        if (env.EnvLogLevel != OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL)
        {
            env.EnvLogLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL;
        }
    }
}
