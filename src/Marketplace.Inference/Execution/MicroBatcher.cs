using System.Threading.Channels;
using Marketplace.Inference.Adapters;
using Marketplace.Inference.Models;
using Marketplace.Inference.Sessions;
using Microsoft.ML.OnnxRuntime;

namespace Marketplace.Inference.Execution;

/// <summary>What one request of a batched run receives.</summary>
internal sealed record RowOutcome(ModelOutputs Outputs, int BatchSize, double RunMs, long DispatchedTimestamp);

/// <summary>
/// Dynamic micro-batching for one model on one device. Requests queue; a loop on the thread pool
/// (never the caller's scheduler) waits for a device slot, takes everything queued that can share
/// a batch (up to MaxBatch), optionally waits MaxDelay for more, and hands the batch to one of the
/// device's threads to run once. While the device
/// is busy the queue grows, so batches grow with load and a lone request never waits.
/// </summary>
internal sealed class MicroBatcher : IDisposable
{
    private readonly Channel<Item> _queue = Channel.CreateUnbounded<Item>(new UnboundedChannelOptions { SingleReader = true });
    private readonly LoadedModel _model;
    private readonly SemaphoreSlim _slot;
    private readonly DeviceExecutor _executor;
    private readonly BatchingSettings _settings;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Item> _carried = [];
    private int _pending;

    public MicroBatcher(LoadedModel model, SemaphoreSlim slot, DeviceExecutor executor, BatchingSettings settings, TimeProvider time)
    {
        _model = model;
        _slot = slot;
        _executor = executor;
        _settings = settings;
        _time = time;
        _ = Task.Run(LoopAsync);
    }

    /// <summary>
    /// Queues a row; the task completes with its own slice of the batch's outputs. The row is
    /// dropped unrun once its deadline (a TimeProvider timestamp) passes or its caller gives up.
    /// </summary>
    public Task<RowOutcome> Enqueue(PreparedRow row, long deadlineTimestamp, CancellationToken abandoned)
    {
        var item = new Item(row, _time.GetTimestamp(), deadlineTimestamp, abandoned);
        Interlocked.Increment(ref _pending);
        item.Completion.Task.ContinueWith(static (_, state) => Interlocked.Decrement(ref ((MicroBatcher)state!)._pending), this,
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        if (!_queue.Writer.TryWrite(item))
        {
            throw new ObjectDisposedException(nameof(MicroBatcher));
        }
        return item.Completion.Task;
    }

    /// <summary>
    /// Lets a request run alone on the caller's thread when nothing is queued and the device is
    /// free: no hand-off to the batcher, so an idle model answers as fast as a raw run. The caller
    /// releases the slot. Queued requests keep priority: the batcher waits on the same slot. Not
    /// with a MaxDelay: such a model asked to wait for company.
    /// </summary>
    public bool TryBypass()
    {
        if (_settings.MaxDelay > TimeSpan.Zero || Volatile.Read(ref _pending) != 0 || !_slot.Wait(0))
        {
            return false;
        }
        if (Volatile.Read(ref _pending) == 0)
        {
            return true;
        }
        _slot.Release();
        return false;
    }

    private async Task LoopAsync()
    {
        try
        {
            while (true)
            {
                var first = await NextAsync();
                if (first is null)
                {
                    return;
                }
                await _slot.WaitAsync(_stop.Token);
                var batch = new List<Item> { first };
                Fill(batch);
                if (first.Row.BatchKey is not null && batch.Count < _settings.MaxBatch && _settings.MaxDelay > TimeSpan.Zero)
                {
                    await WaitForMoreAsync(batch, first);
                }
                try
                {
                    _executor.Post(() => RunAndRelease(batch));
                }
                catch (InvalidOperationException e)
                {
                    // The engine is shutting down and its device threads take no more work.
                    _slot.Release();
                    batch.ForEach(item => item.Completion.TrySetException(new ObjectDisposedException("the engine was disposed", e)));
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (ObjectDisposedException) when (_stop.IsCancellationRequested)
        {
        }
        finally
        {
            FailPending(new ObjectDisposedException(nameof(MicroBatcher), "the model was unloaded"));
        }
    }

    private async Task<Item?> NextAsync()
    {
        while (true)
        {
            if (_carried.Count > 0)
            {
                var carried = _carried[0];
                _carried.RemoveAt(0);
                if (Live(carried))
                {
                    return carried;
                }
                continue;
            }
            if (!await _queue.Reader.WaitToReadAsync(_stop.Token))
            {
                return null;
            }
            if (_queue.Reader.TryRead(out var item) && Live(item))
            {
                return item;
            }
        }
    }

    /// <summary>Adds queued rows that can share the batch; others wait for a later batch in order.</summary>
    private void Fill(List<Item> batch)
    {
        var key = batch[0].Row.BatchKey;
        for (var i = 0; i < _carried.Count && batch.Count < _settings.MaxBatch;)
        {
            if (_carried[i].Row.BatchKey == key && Live(_carried[i]))
            {
                batch.Add(_carried[i]);
                _carried.RemoveAt(i);
            }
            else
            {
                i++;
            }
        }
        while (batch.Count < _settings.MaxBatch && _queue.Reader.TryRead(out var item))
        {
            if (!Live(item))
            {
                continue;
            }
            if (key is not null && item.Row.BatchKey == key)
            {
                batch.Add(item);
            }
            else
            {
                _carried.Add(item);
            }
        }
    }

    private async Task WaitForMoreAsync(List<Item> batch, Item first)
    {
        var until = first.EnqueuedTimestamp + (long)(_settings.MaxDelay.TotalSeconds * _time.TimestampFrequency);
        while (batch.Count < _settings.MaxBatch)
        {
            var left = _time.GetElapsedTime(_time.GetTimestamp(), until);
            if (left <= TimeSpan.Zero)
            {
                return;
            }
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            timeout.CancelAfter(left);
            try
            {
                if (!await _queue.Reader.WaitToReadAsync(timeout.Token))
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (!_stop.IsCancellationRequested)
            {
                return;
            }
            Fill(batch);
        }
    }

    private void RunAndRelease(List<Item> batch)
    {
        // The batch holds its own lease: if every caller gives up, the session must still outlive the run.
        var leased = _model.TryAcquire();
        try
        {
            batch.RemoveAll(item => !Live(item));
            if (batch.Count == 0)
            {
                return;
            }
            if (!leased)
            {
                throw new ObjectDisposedException(nameof(MicroBatcher), "the model was unloaded");
            }
            // Terminate the run only when every row in it is past its deadline; rows that expire
            // earlier are failed by their callers and their results dropped.
            var latest = batch.Max(i => i.DeadlineTimestamp);
            using var runOptions = new RunOptions();
            using var terminate = new CancellationTokenSource(Deadlines.Remaining(_time, latest), _time);
            using var registration = terminate.Token.Register(() => runOptions.Terminate = true);
            var dispatched = _time.GetTimestamp();
            var rows = batch.Select(i => i.Row).ToList();
            var (outputs, runMs) = BatchRunner.Run(_model, rows, runOptions);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Completion.TrySetResult(new RowOutcome(outputs[i], batch.Count, runMs, dispatched));
            }
        }
        catch (Exception e)
        {
            foreach (var item in batch)
            {
                item.Completion.TrySetException(e);
            }
        }
        finally
        {
            _slot.Release();
            if (leased)
            {
                _model.Release();
            }
        }
    }

    private bool Live(Item item)
    {
        if (item.Abandoned.IsCancellationRequested || _time.GetTimestamp() >= item.DeadlineTimestamp)
        {
            item.Completion.TrySetCanceled();
            return false;
        }
        return true;
    }

    private void FailPending(Exception error)
    {
        foreach (var item in _carried)
        {
            item.Completion.TrySetException(error);
        }
        _carried.Clear();
        while (_queue.Reader.TryRead(out var item))
        {
            item.Completion.TrySetException(error);
        }
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _stop.Cancel();
        _stop.Dispose();
    }

    private sealed class Item(PreparedRow row, long enqueuedTimestamp, long deadlineTimestamp, CancellationToken abandoned)
    {
        public PreparedRow Row { get; } = row;

        public long DeadlineTimestamp { get; } = deadlineTimestamp;

        public CancellationToken Abandoned { get; } = abandoned;

        public long EnqueuedTimestamp { get; } = enqueuedTimestamp;

        public TaskCompletionSource<RowOutcome> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
