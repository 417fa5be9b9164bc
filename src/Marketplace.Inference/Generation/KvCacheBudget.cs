namespace Marketplace.Inference.Generation;

/// <summary>
/// The KV-cache bytes one device may hold for all decoders on it. A scheduler reserves room before a
/// sequence joins (so no running sequence ever has to be evicted) and releases it as sequences leave;
/// schedulers waiting for room are woken then.
/// </summary>
internal sealed class KvCacheBudget(long limitBytes)
{
    private readonly Lock _gate = new();
    private readonly List<Action> _onFreed = [];
    private long _used;

    public long LimitBytes { get; } = limitBytes;

    public long UsedBytes
    {
        get
        {
            lock (_gate)
            {
                return _used;
            }
        }
    }

    public void OnFreed(Action wake)
    {
        lock (_gate)
        {
            _onFreed.Add(wake);
        }
    }

    public void RemoveOnFreed(Action wake)
    {
        lock (_gate)
        {
            _onFreed.Remove(wake);
        }
    }

    public bool TryReserve(long bytes)
    {
        lock (_gate)
        {
            if (_used + bytes > LimitBytes)
            {
                return false;
            }
            _used += bytes;
            return true;
        }
    }

    public void Release(long bytes)
    {
        if (bytes <= 0)
        {
            return;
        }
        Action[] wake;
        lock (_gate)
        {
            _used -= bytes;
            wake = _onFreed.ToArray();
        }
        foreach (var action in wake)
        {
            action();
        }
    }
}
