using Marketplace.Inference.Adapters;
using Marketplace.Inference.Devices;
using Marketplace.Inference.Execution;
using Microsoft.ML.OnnxRuntime;

namespace Marketplace.Inference.Sessions;

/// <summary>
/// A model loaded on one device: its session, adapters and (for batchable models) its batcher.
/// Leases keep it alive while runs use it; an evicted model is disposed when its last lease ends.
/// </summary>
internal sealed class LoadedModel : IDisposable
{
    private readonly Lock _gate = new();
    private int _leases;
    private bool _retired;
    private bool _disposed;

    public required SessionKey Key { get; init; }

    public required ComputeDeviceInfo Device { get; init; }

    public required InferenceSession Session { get; init; }

    public required string[] InputNames { get; init; }

    public required IReadOnlyList<TensorInfo> Inputs { get; init; }

    public required IReadOnlyList<TensorInfo> Outputs { get; init; }

    /// <summary>Every input and output has a dynamic first dimension, so rows can be stacked.</summary>
    public required bool IsBatchable { get; init; }

    public required IInputAdapter Adapter { get; init; }

    public required OutputInterpreter Interpreter { get; init; }

    public required long EstimatedBytes { get; init; }

    /// <summary>Null when the model is not batched.</summary>
    public MicroBatcher? Batcher { get; set; }

    public bool TryAcquire()
    {
        lock (_gate)
        {
            if (_retired)
            {
                return false;
            }
            _leases++;
            return true;
        }
    }

    public void Release()
    {
        bool dispose;
        lock (_gate)
        {
            _leases--;
            dispose = _retired && _leases == 0;
        }
        if (dispose)
        {
            Dispose();
        }
    }

    /// <summary>Out of the cache: no new leases; disposed now or when the last lease ends.</summary>
    public void Retire()
    {
        bool dispose;
        lock (_gate)
        {
            _retired = true;
            dispose = _leases == 0;
        }
        if (dispose)
        {
            Dispose();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
        }
        Batcher?.Dispose();
        Session.Dispose();
    }
}

/// <summary>A session is cached per model (by SHA-256) and device.</summary>
public readonly record struct SessionKey(string Sha256, string DeviceId);
