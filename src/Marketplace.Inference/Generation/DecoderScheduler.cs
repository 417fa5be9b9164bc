using System.Collections.Concurrent;
using Marketplace.Inference.Devices;
using Marketplace.Inference.Validation;
using Microsoft.ML.OnnxRuntime;

namespace Marketplace.Inference.Generation;

/// <summary>
/// Continuous batching for one decoder on one device, as vLLM and TGI schedule: between decode steps
/// finished and cancelled sequences leave the batch, waiting ones are prefilled (each alone, so a
/// long prompt is one pass) and join it while the batch cap and the device's KV-cache budget allow;
/// then every sequence in the batch advances one token in a single pass. All ONNX Runtime calls for
/// the decoder happen on this scheduler's own thread, never on the thread pool or a grain's scheduler.
/// Decoders without position_ids are not padded together (their positions would shift): each of
/// their sequences decodes in its own batch of one, still interleaved step by step.
/// </summary>
internal sealed class DecoderScheduler : IDisposable
{
    private readonly InferenceSession _session;
    private readonly DecoderStep _step;
    private readonly CacheRelayout? _relayout;
    private readonly GenerationEngineOptions _options;
    private readonly KvCacheBudget _budget;
    private readonly ConcurrentQueue<ActiveGeneration> _incoming = new();
    private readonly AutoResetEvent _wake = new(false);
    private readonly RunOptions _runOptions = new();
    private readonly Thread _thread;
    private readonly Action _wakeOnFreed;
    private readonly List<ActiveGeneration> _waiting = [];
    private readonly List<CacheBatch> _batches = [];
    private volatile bool _stopping;
    private long _reserved;
    private int _active;
    private int _queued;
    private long _steps;

    public DecoderScheduler(string modelSha256, InferenceSession session, DecoderDescription decoder, ComputeDeviceInfo device, GenerationEngineOptions options, KvCacheBudget budget)
    {
        ModelSha256 = modelSha256;
        Device = device;
        Decoder = decoder;
        _session = session;
        _options = options;
        _budget = budget;
        _step = new DecoderStep(session, decoder, device);
        _relayout = decoder.HasPositionIds ? new CacheRelayout(_step.CacheTensors, decoder.KvHeads, decoder.HeadSize, device, options) : null;
        _wakeOnFreed = Wake;
        budget.OnFreed(_wakeOnFreed);
        if (options.WarmUp)
        {
            WarmUp();
        }
        _thread = new Thread(Loop) { IsBackground = true, Name = $"decoder {modelSha256[..Math.Min(8, modelSha256.Length)]} on {device.Id}" };
        _thread.Start();
    }

    public string ModelSha256 { get; }

    public ComputeDeviceInfo Device { get; }

    public DecoderDescription Decoder { get; }

    /// <summary>Sequences in a decode batch (prefilled and generating).</summary>
    public int ActiveCount => Volatile.Read(ref _active);

    /// <summary>Sequences waiting for a batch slot or KV-cache room.</summary>
    public int WaitingCount => Volatile.Read(ref _queued);

    public SchedulerStatus Status => new(ModelSha256, Device.Id, ActiveCount, WaitingCount, Interlocked.Read(ref _reserved), _budget.UsedBytes, _budget.LimitBytes, Interlocked.Read(ref _steps));

    /// <summary>Bytes of KV cache a sequence alone may come to need.</summary>
    public long BytesFor(int finalLength) => finalLength * Decoder.KvCacheBytesPerToken();

    public void Submit(ActiveGeneration generation)
    {
        Interlocked.Increment(ref _queued);
        _incoming.Enqueue(generation);
        _wake.Set();
    }

    public void Wake()
    {
        if (!_stopping)
        {
            _wake.Set();
        }
    }

    private void Loop()
    {
        while (!_stopping)
        {
            while (_incoming.TryDequeue(out var arrived))
            {
                _waiting.Add(arrived);
            }
            try
            {
                RetireEnded();
                Admit();
                Volatile.Write(ref _active, _batches.Sum(b => b.Rows.Count));
                Volatile.Write(ref _queued, _waiting.Count + _incoming.Count);
                if (_batches.Count == 0)
                {
                    _wake.WaitOne();
                    continue;
                }
                foreach (var batch in _batches.ToArray())
                {
                    DecodeStep(batch);
                }
                Interlocked.Increment(ref _steps);
            }
            catch (Exception e) when (!_stopping)
            {
                // A bug here must not kill the thread silently with generations waiting on it forever.
                var error = new Execution.InferenceException($"the generation scheduler failed: {e.Message}", e);
                foreach (var batch in _batches.ToArray())
                {
                    FailBatch(batch, error);
                }
                ReleaseSurplus();
            }
        }
        var disposed = new ObjectDisposedException(nameof(GenerationEngine), "the generation engine was shut down");
        foreach (var generation in _waiting.Concat(_incoming).Concat(_batches.SelectMany(b => b.Rows)))
        {
            generation.Fail(disposed);
        }
        foreach (var batch in _batches)
        {
            batch.Dispose();
        }
    }

    /// <summary>Ends cancelled and timed-out sequences and takes every ended one out of its batch.</summary>
    private void RetireEnded()
    {
        for (var i = _waiting.Count - 1; i >= 0; i--)
        {
            if (_waiting[i].EndRequested is { } reason)
            {
                _waiting[i].Finish(reason);
                _waiting.RemoveAt(i);
            }
        }
        var changed = false;
        foreach (var batch in _batches.ToArray())
        {
            foreach (var row in batch.Rows)
            {
                if (!row.IsFinished && row.EndRequested is { } reason)
                {
                    row.Finish(reason);
                }
            }
            if (batch.Rows.Any(r => r.IsFinished))
            {
                Keep(batch, batch.Rows.Where(r => !r.IsFinished).ToList());
                changed = true;
            }
        }
        if (changed)
        {
            ReleaseSurplus();
        }
    }

    /// <summary>Prefills waiting sequences, first come first served, while the batch cap and the KV-cache budget allow.</summary>
    private void Admit()
    {
        var admitted = false;
        while (_waiting.Count > 0)
        {
            var next = _waiting[0];
            if (next.EndRequested is { } reason)
            {
                next.Finish(reason);
                _waiting.RemoveAt(0);
                continue;
            }
            var active = _batches.SelectMany(b => b.Rows).ToList();
            if (active.Count >= _options.MaxBatchSize)
            {
                break;
            }
            var needed = Footprint([.. active, next]) - _reserved;
            if (needed > 0 && !_budget.TryReserve(needed))
            {
                break;
            }
            Interlocked.Add(ref _reserved, Math.Max(0, needed));
            _waiting.RemoveAt(0);
            Prefill(next);
            admitted = true;
        }
        if (admitted)
        {
            ReleaseSurplus();
        }
    }

    private void Prefill(ActiveGeneration generation)
    {
        generation.PrefillStarting();
        var length = generation.Prompt.Count;
        var ids = generation.Prompt.Select(t => (long)t).ToArray();
        var mask = new long[length];
        Array.Fill(mask, 1L);
        var positions = new long[length];
        for (var i = 0; i < length; i++)
        {
            positions[i] = i;
        }
        OrtValue[]? present = null;
        try
        {
            using var output = _step.Run(ids, mask, positions, 1, length, null, _runOptions);
            var token = generation.Sampler.Next(output.LastLogits(0));
            if (generation.Accept(token))
            {
                return;
            }
            generation.CacheLength = length;
            generation.LastToken = token;
            present = output.TakePresent();
            Join(generation, present);
        }
        catch (Exception e) when (e is OnnxRuntimeException or InvalidOperationException or ArgumentException)
        {
            CacheValues.Dispose(present);
            generation.Fail(new Execution.InferenceException($"the decoder failed on {Device.Id}: {ReadableText.FromRuntime(e.Message)}", e));
        }
    }

    /// <summary>Puts a prefilled sequence into the shared batch (or a batch of its own when positions cannot be padded).</summary>
    private void Join(ActiveGeneration generation, OrtValue[] present)
    {
        var batch = _relayout is null ? null : _batches.FirstOrDefault();
        if (batch is null || batch.Rows.Count == 0)
        {
            batch ??= new CacheBatch();
            if (!_batches.Contains(batch))
            {
                _batches.Add(batch);
            }
            batch.Dispose();
            batch.Past = present;
            batch.Length = generation.CacheLength;
            batch.Rows.Add(generation);
            return;
        }
        var length = Math.Max(batch.Length, generation.CacheLength);
        var keep = Enumerable.Range(0, batch.Rows.Count).Select(i => (long)i).ToArray();
        try
        {
            var joined = _relayout!.Run(batch.Past, keep, 0, length - batch.Length, present, length - generation.CacheLength, _runOptions);
            batch.Dispose();
            batch.Past = joined;
            batch.Length = length;
            batch.Rows.Add(generation);
        }
        finally
        {
            CacheValues.Dispose(present);
        }
    }

    /// <summary>Shrinks a batch to <paramref name="kept"/> rows, dropping padding columns no remaining row needs.</summary>
    private void Keep(CacheBatch batch, List<ActiveGeneration> kept)
    {
        if (kept.Count == 0)
        {
            batch.Dispose();
            batch.Rows.Clear();
            _batches.Remove(batch);
            return;
        }
        var length = kept.Max(r => r.CacheLength);
        var keep = kept.Select(r => (long)batch.Rows.IndexOf(r)).ToArray();
        try
        {
            var shrunk = _relayout!.Run(batch.Past, keep, batch.Length - length, 0, null, length, _runOptions);
            batch.Dispose();
            batch.Past = shrunk;
            batch.Length = length;
            batch.Rows.Clear();
            batch.Rows.AddRange(kept);
        }
        catch (Exception e) when (e is OnnxRuntimeException or InvalidOperationException or ArgumentException)
        {
            FailBatch(batch, e);
        }
    }

    /// <summary>One token for every row: inputs are each row's newest token, its true position, and a mask hiding its padding.</summary>
    private void DecodeStep(CacheBatch batch)
    {
        var rows = batch.Rows.Count;
        var length = batch.Length;
        var ids = new long[rows];
        var positions = new long[rows];
        var mask = new long[rows * (length + 1)];
        for (var r = 0; r < rows; r++)
        {
            var row = batch.Rows[r];
            ids[r] = row.LastToken;
            positions[r] = row.CacheLength;
            mask.AsSpan((r * (length + 1)) + (length - row.CacheLength), row.CacheLength + 1).Fill(1L);
        }
        try
        {
            using var output = _step.Run(ids, mask, positions, rows, 1, batch.Past, _runOptions);
            batch.Dispose();
            batch.Past = output.TakePresent();
            batch.Length = length + 1;
            for (var r = 0; r < rows; r++)
            {
                var row = batch.Rows[r];
                row.CacheLength++;
                if (row.EndRequested is not null || row.IsFinished)
                {
                    continue; // retired before the next step, with its own reason
                }
                var token = row.Sampler.Next(output.LastLogits(r));
                row.LastToken = token;
                row.Accept(token);
            }
        }
        catch (Exception e) when (e is OnnxRuntimeException or InvalidOperationException or ArgumentException)
        {
            FailBatch(batch, e);
            ReleaseSurplus();
        }
    }

    private void FailBatch(CacheBatch batch, Exception e)
    {
        var error = new Execution.InferenceException($"the decoder failed on {Device.Id}: {ReadableText.FromRuntime(e.Message)}", e);
        foreach (var row in batch.Rows)
        {
            row.Fail(error);
        }
        batch.Dispose();
        batch.Rows.Clear();
        _batches.Remove(batch);
    }

    /// <summary>
    /// KV-cache bytes the sequences may come to occupy, padding included: a shared batch is as long
    /// as its longest row, so it counts rows × the longest final length; unpadded batches count each
    /// sequence's own.
    /// </summary>
    private long Footprint(IReadOnlyCollection<ActiveGeneration> sequences)
    {
        if (sequences.Count == 0)
        {
            return 0;
        }
        var slots = _relayout is null
            ? sequences.Sum(s => (long)s.FinalLength)
            : sequences.Count * (long)sequences.Max(s => s.FinalLength);
        return slots * Decoder.KvCacheBytesPerToken();
    }

    private void ReleaseSurplus()
    {
        var surplus = _reserved - Footprint(_batches.SelectMany(b => b.Rows).ToList());
        if (surplus > 0)
        {
            Interlocked.Add(ref _reserved, -surplus);
            _budget.Release(surplus);
        }
    }

    /// <summary>A one-token prefill and one decode step, so ONNX Runtime picks kernels and allocates before the first buyer.</summary>
    private void WarmUp()
    {
        try
        {
            using var prefill = _step.Run([0], [1], [0], 1, 1, null, _runOptions);
            using var step = _step.Run([0], [1, 1], [1], 1, 1, prefill.Present, _runOptions);
        }
        catch (OnnxRuntimeException)
        {
            // The first real generation reports it.
        }
    }

    public void Dispose()
    {
        _budget.RemoveOnFreed(_wakeOnFreed);
        _stopping = true;
        _runOptions.Terminate = true;
        _wake.Set();
        _thread.Join();
        if (_reserved > 0)
        {
            _budget.Release(_reserved);
        }
        _relayout?.Dispose();
        _step.Dispose();
        _session.Dispose();
        _runOptions.Dispose();
        _wake.Dispose();
    }
}

/// <summary>A scheduler's load, for operators and tests.</summary>
public sealed record SchedulerStatus(
    string ModelSha256,
    string DeviceId,
    int Active,
    int Waiting,
    long KvCacheBytesReserved,
    long DeviceKvCacheBytesReserved,
    long DeviceKvCacheBytesLimit,
    long DecodeSteps);
