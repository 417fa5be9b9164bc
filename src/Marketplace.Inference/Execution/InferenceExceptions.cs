namespace Marketplace.Inference.Execution;

/// <summary>Base of the engine's own errors; the host maps each kind to a problem response.</summary>
public class InferenceException : Exception
{
    public InferenceException()
    {
    }

    public InferenceException(string message)
        : base(message)
    {
    }

    public InferenceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>The input was refused before anything ran: too large, wrong shape, undecodable.</summary>
public sealed class InputRejectedException : InferenceException
{
    public InputRejectedException()
    {
    }

    public InputRejectedException(string message)
        : base(message)
    {
    }

    public InputRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>The run passed its deadline, either waiting for a device or inside ONNX Runtime (terminated).</summary>
public sealed class InferenceTimeoutException : InferenceException
{
    public InferenceTimeoutException()
    {
    }

    public InferenceTimeoutException(string message)
        : base(message)
    {
    }

    public InferenceTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>ONNX Runtime could not create a session for the model on the chosen device.</summary>
public sealed class ModelLoadException : InferenceException
{
    public ModelLoadException()
    {
    }

    public ModelLoadException(string message)
        : base(message)
    {
    }

    public ModelLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
