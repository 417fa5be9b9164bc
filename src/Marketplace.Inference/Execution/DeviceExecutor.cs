using System.Collections.Concurrent;

namespace Marketplace.Inference.Execution;

/// <summary>
/// Dedicated threads that make ONNX Runtime calls for one device. Runs block for milliseconds to
/// seconds; on these threads they never hold a thread-pool thread (which Orleans grains, timers and
/// deadline callbacks need) and never run on a caller's scheduler.
/// </summary>
internal sealed class DeviceExecutor : IDisposable
{
    private readonly BlockingCollection<Action> _work = [];
    private readonly Thread[] _threads;

    public DeviceExecutor(string deviceId, int threads)
    {
        _threads = Enumerable.Range(0, Math.Max(1, threads))
            .Select(i => new Thread(Work) { IsBackground = true, Name = $"inference {deviceId} #{i}" })
            .ToArray();
        foreach (var thread in _threads)
        {
            thread.Start();
        }
    }

    /// <summary>Runs the work on a device thread; the task completes on the thread pool.</summary>
    public Task<T> Run<T>(Func<T> work)
    {
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(() =>
        {
            try
            {
                completion.SetResult(work());
            }
            catch (Exception e)
            {
                completion.SetException(e);
            }
        });
        return completion.Task;
    }

    /// <summary>Queues work that reports its own outcome.</summary>
    public void Post(Action work) => _work.Add(work);

    private void Work()
    {
        try
        {
            foreach (var work in _work.GetConsumingEnumerable())
            {
                work();
            }
        }
        catch (ObjectDisposedException)
        {
            // The engine was disposed.
        }
    }

    public void Dispose()
    {
        _work.CompleteAdding();
        foreach (var thread in _threads)
        {
            thread.Join(TimeSpan.FromSeconds(5));
        }
        _work.Dispose();
    }
}
