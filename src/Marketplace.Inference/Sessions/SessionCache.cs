using Marketplace.Inference.Devices;
using Marketplace.Inference.Models;

namespace Marketplace.Inference.Sessions;

/// <summary>
/// One session per (model SHA-256, device), loaded once however many callers ask at the same time,
/// kept within a memory budget by evicting the least recently used. Session memory is estimated
/// as file size × a factor (weights plus ONNX Runtime's working buffers).
/// </summary>
public sealed class SessionCache : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<SessionKey, Entry> _entries = [];
    private readonly long _budgetBytes;
    private readonly Func<ModelDescriptor, ComputeDeviceInfo, LoadedModel> _load;
    private long _clock;

    internal SessionCache(long budgetBytes, Func<ModelDescriptor, ComputeDeviceInfo, LoadedModel> load)
    {
        _budgetBytes = budgetBytes;
        _load = load;
    }

    /// <summary>Loaded sessions, most recently used first.</summary>
    public IReadOnlyList<SessionKey> Keys
    {
        get
        {
            lock (_gate)
            {
                return _entries.Where(e => e.Value.Loaded is not null)
                    .OrderByDescending(e => e.Value.LastUsed)
                    .Select(e => e.Key)
                    .ToList();
            }
        }
    }

    /// <summary>Estimated bytes of the loaded sessions.</summary>
    public long UsedBytes
    {
        get
        {
            lock (_gate)
            {
                return _entries.Values.Sum(e => e.Loaded?.EstimatedBytes ?? 0);
            }
        }
    }

    internal async Task<ModelLease> AcquireAsync(ModelDescriptor model, ComputeDeviceInfo device, CancellationToken cancellationToken)
    {
        var key = new SessionKey(model.Sha256, device.Id);
        while (true)
        {
            Entry entry;
            lock (_gate)
            {
                if (!_entries.TryGetValue(key, out entry!))
                {
                    entry = new Entry(new Lazy<Task<LoadedModel>>(() => Task.Run(() => _load(model, device), CancellationToken.None)));
                    _entries[key] = entry;
                }
                entry.LastUsed = ++_clock;
            }
            LoadedModel loaded;
            try
            {
                loaded = await entry.Load.Value.WaitAsync(cancellationToken);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // A failed load is not cached: the next request tries again.
                lock (_gate)
                {
                    if (_entries.TryGetValue(key, out var current) && current == entry)
                    {
                        _entries.Remove(key);
                    }
                }
                throw;
            }
            if (entry.Loaded is null)
            {
                OnLoaded(key, entry, loaded);
            }
            if (loaded.TryAcquire())
            {
                return new ModelLease(loaded);
            }
            // Evicted between the look-up and the lease: look again (it reloads).
        }
    }

    private void OnLoaded(SessionKey key, Entry entry, LoadedModel loaded)
    {
        var evicted = new List<LoadedModel>();
        lock (_gate)
        {
            if (entry.Loaded is not null || !_entries.TryGetValue(key, out var current) || current != entry)
            {
                return;
            }
            entry.Loaded = loaded;
            var used = _entries.Values.Sum(e => e.Loaded?.EstimatedBytes ?? 0);
            while (used > _budgetBytes)
            {
                var victim = _entries
                    .Where(e => e.Value.Loaded is not null && e.Key != key)
                    .OrderBy(e => e.Value.LastUsed)
                    .Select(e => (KeyValuePair<SessionKey, Entry>?)e)
                    .FirstOrDefault();
                if (victim is null)
                {
                    break; // a model larger than the budget alone still runs
                }
                _entries.Remove(victim.Value.Key);
                used -= victim.Value.Value.Loaded!.EstimatedBytes;
                evicted.Add(victim.Value.Value.Loaded!);
            }
        }
        foreach (var model in evicted)
        {
            model.Retire();
        }
    }

    public void Dispose()
    {
        List<LoadedModel> loaded;
        lock (_gate)
        {
            loaded = _entries.Values.Where(e => e.Loaded is not null).Select(e => e.Loaded!).ToList();
            _entries.Clear();
        }
        foreach (var model in loaded)
        {
            model.Retire();
        }
    }

    private sealed class Entry(Lazy<Task<LoadedModel>> load)
    {
        public Lazy<Task<LoadedModel>> Load { get; } = load;

        public LoadedModel? Loaded { get; set; }

        public long LastUsed { get; set; }
    }
}

/// <summary>Keeps a loaded model from being disposed while a run uses it.</summary>
internal readonly struct ModelLease(LoadedModel model) : IDisposable
{
    public LoadedModel Model { get; } = model;

    public void Dispose() => Model.Release();
}
