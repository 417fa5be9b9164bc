using Marketplace.Inference.Devices;
using Marketplace.Inference.Execution;
using Marketplace.Inference.Models;
using Marketplace.Inference.Sessions;
using Microsoft.ML.OnnxRuntime;

namespace Marketplace.Inference;

/// <summary>
/// Runs listed models for sandbox trials and benchmarks on the devices this process has, with one
/// code path for GPU and CPU. Thread-safe; create one per process. Input preparation runs on the
/// thread pool and ONNX Runtime on each device's own threads, never on the caller's scheduler (an
/// Orleans grain just awaits it) and never blocking the thread pool for the length of a run.
/// </summary>
public sealed class InferenceEngine : IDisposable
{
    private readonly InferenceEngineOptions _options;
    private readonly DeviceSlots _slots;
    private readonly TimeProvider _time;

    public InferenceEngine(InferenceEngineOptions? options = null)
    {
        _options = options ?? new InferenceEngineOptions();
        _time = _options.TimeProvider;
        Devices = DeviceDiscovery.Discover(_options.Discovery);
        _slots = new DeviceSlots(Devices.Devices, _options.CpuConcurrency, _options.CudaConcurrency);
        var loader = new ModelLoader(_options, _slots);
        Sessions = new SessionCache(_options.SessionMemoryBudgetBytes, loader.Load);
    }

    /// <summary>The devices found at start, and why CUDA is missing when it is.</summary>
    public DeviceDiscoveryResult Devices { get; }

    public SessionCache Sessions { get; }

    public Task<InferenceResult> RunAsync(ModelDescriptor model, ModelInput input, CancellationToken cancellationToken = default) =>
        RunAsync(model, input, null, cancellationToken);

    public Task<InferenceResult> RunAsync(ModelDescriptor model, ModelInput input, InferenceRequestOptions? request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(input);
        request ??= DefaultRequest;
        // Tokenising, decoding and ONNX Runtime are CPU work: leave a grain's or UI's scheduler first.
        return TaskScheduler.Current == TaskScheduler.Default && SynchronizationContext.Current is null
            ? RunCoreAsync(model, input, request, cancellationToken)
            : Task.Run(() => RunCoreAsync(model, input, request, cancellationToken), cancellationToken);
    }

    /// <summary>Loads (and warms up) a model on a device ahead of the first request.</summary>
    public async Task PreloadAsync(ModelDescriptor model, string? deviceId = null, CancellationToken cancellationToken = default)
    {
        using var lease = await Sessions.AcquireAsync(model, ChooseDevice(deviceId).Device, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether the model is micro-batched on that device (its first dimension is dynamic and batching is on); loads it if needed.</summary>
    public async Task<bool> IsBatchedAsync(ModelDescriptor model, string? deviceId = null, CancellationToken cancellationToken = default)
    {
        using var lease = await Sessions.AcquireAsync(model, ChooseDevice(deviceId).Device, cancellationToken).ConfigureAwait(false);
        return lease.Model.Batcher is not null;
    }

    private static readonly InferenceRequestOptions DefaultRequest = new();

    private async Task<InferenceResult> RunCoreAsync(ModelDescriptor model, ModelInput input, InferenceRequestOptions request, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        InputGuard.Check(input, _options.Limits);
        var deadline = Deadlines.After(_time, request.Deadline ?? _options.DefaultDeadline);
        var (device, fallbackReason) = ChooseDevice(request.DeviceId);
        using var deadlineSource = new CancellationTokenSource(Deadlines.Remaining(_time, deadline), _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadlineSource.Token);
        try
        {
            using var lease = await Sessions.AcquireAsync(model, device, linked.Token).ConfigureAwait(false);
            var loaded = lease.Model;
            var row = loaded.Adapter.Prepare(input, _options.Limits);
            var prepared = _time.GetTimestamp();
            var slot = _slots.For(device);
            if (loaded.Batcher is not null && request.AllowBatching && row.BatchKey is not null)
            {
                if (!loaded.Batcher.TryBypass())
                {
                    var outcome = await loaded.Batcher.Enqueue(row, deadline, linked.Token).WaitAsync(linked.Token).ConfigureAwait(false);
                    return Result(outcome.Outputs, device, fallbackReason, started, _time.GetElapsedTime(prepared, outcome.DispatchedTimestamp), outcome.RunMs, outcome.BatchSize);
                }
            }
            else
            {
                await slot.WaitAsync(linked.Token).ConfigureAwait(false);
            }
            try
            {
                var queued = _time.GetElapsedTime(prepared);
                using var runOptions = new RunOptions();
                using var terminate = linked.Token.Register(static state => ((RunOptions)state!).Terminate = true, runOptions);
                var (outputs, runMs) = await _slots.ExecutorFor(device).Run(() => BatchRunner.Run(loaded, [row], runOptions)).ConfigureAwait(false);
                return Result(outputs[0], device, fallbackReason, started, queued, runMs, 1);
            }
            finally
            {
                slot.Release();
            }
        }
        catch (Exception e) when (e is OperationCanceledException or OnnxRuntimeException
                                  && deadlineSource.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new InferenceTimeoutException($"the inference did not finish within its deadline of {(request.Deadline ?? _options.DefaultDeadline).TotalMilliseconds:0} ms", e);
        }
        catch (OnnxRuntimeException e) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("the inference was cancelled", e, cancellationToken);
        }
    }

    private InferenceResult Result(Adapters.ModelOutputs outputs, ComputeDeviceInfo device, string? fallbackReason, long started, TimeSpan queued, double runMs, int batchSize) => new()
    {
        Kind = outputs.Kind,
        Embedding = outputs.Embedding,
        Labels = outputs.Labels,
        Tensors = outputs.Tensors,
        Device = device,
        FallbackReason = fallbackReason,
        LatencyMs = _time.GetElapsedTime(started).TotalMilliseconds,
        QueueMs = queued.TotalMilliseconds,
        RunMs = runMs,
        BatchSize = batchSize,
    };

    /// <summary>
    /// A pinned device if asked; otherwise the first GPU with a free slot, else the CPU, with the
    /// reason the CPU was used so results can say so.
    /// </summary>
    private (ComputeDeviceInfo Device, string? FallbackReason) ChooseDevice(string? deviceId)
    {
        if (deviceId is not null)
        {
            var pinned = Devices.Devices.FirstOrDefault(d => d.Id == deviceId)
                ?? throw new ArgumentException($"this engine has no device '{deviceId}' (it has {string.Join(", ", Devices.Devices.Select(d => d.Id))})", nameof(deviceId));
            return (pinned, null);
        }
        foreach (var device in Devices.Devices)
        {
            if (device.IsCuda && _slots.HasFreeSlot(device))
            {
                return (device, null);
            }
        }
        // Written for the buyer who reads a trial's answer; why CUDA could not start is for operators
        // (the devices summary in system info and the start-up log).
        return Devices.HasCuda ? (Devices.Cpu, FallbackReasons.GpusBusy) : (Devices.Cpu, FallbackReasons.NoGpu);
    }

    public void Dispose()
    {
        Sessions.Dispose();
        _slots.Dispose();
    }
}
