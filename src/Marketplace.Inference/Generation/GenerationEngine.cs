using Marketplace.Inference.Devices;
using Marketplace.Inference.Execution;
using Marketplace.Inference.Validation;

namespace Marketplace.Inference.Generation;

/// <summary>
/// Text generation for sandbox trials: loads decoders (one scheduler per model and device, CPU and
/// CUDA alike), starts generations and streams their tokens. Thread-safe; create one per process.
/// Nothing here blocks the caller's thread: ONNX Runtime runs on each scheduler's own thread.
/// </summary>
public sealed class GenerationEngine : IDisposable
{
    private readonly GenerationEngineOptions _options;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Sha256, string DeviceId), Lazy<Task<DecoderScheduler>>> _schedulers = [];
    private readonly Dictionary<string, KvCacheBudget> _budgets;
    private bool _disposed;

    public GenerationEngine(GenerationEngineOptions? options = null)
        : this(DeviceDiscovery.Discover((options ?? new GenerationEngineOptions()).Discovery), options)
    {
    }

    /// <summary>Shares another engine's discovery (InferenceEngine.Devices) instead of probing the GPUs again.</summary>
    public GenerationEngine(DeviceDiscoveryResult devices, GenerationEngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(devices);
        _options = options ?? new GenerationEngineOptions();
        _time = _options.TimeProvider;
        Devices = devices;
        _budgets = devices.Devices.ToDictionary(d => d.Id, _ => new KvCacheBudget(_options.KvCacheBytesPerDevice));
    }

    public DeviceDiscoveryResult Devices { get; }

    /// <summary>Every loaded decoder's scheduler: active and waiting sequences, KV-cache bytes, steps.</summary>
    public IReadOnlyList<SchedulerStatus> Status
    {
        get
        {
            lock (_gate)
            {
                return _schedulers.Values.Where(s => s.IsValueCreated && s.Value.IsCompletedSuccessfully)
                    .Select(s => s.Value.Result.Status).ToList();
            }
        }
    }

    /// <summary>Loads (and warms up) a decoder ahead of the first generation; returns what was read from it.</summary>
    public async Task<DecoderDescription> LoadAsync(DecoderModel model, string? deviceId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var scheduler = await SchedulerFor(model, ChooseDevice(deviceId).Device, cancellationToken).ConfigureAwait(false);
        return scheduler.Decoder;
    }

    /// <summary>
    /// Starts a generation and returns as soon as it is queued. Throws <see cref="ContextLengthExceededException"/>
    /// for a prompt the context cannot hold, <see cref="InputRejectedException"/> for an empty prompt,
    /// ids outside the vocabulary or a generation larger than the device's KV-cache budget, and
    /// <see cref="ModelLoadException"/> when the file is not a usable decoder. Cancelling
    /// <paramref name="cancellationToken"/> (a client that went away) ends the generation with reason cancelled.
    /// </summary>
    public async Task<GenerationStream> StartAsync(DecoderModel model, GenerationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(request);
        var started = _time.GetTimestamp();
        var (device, fallbackReason) = ChooseDevice(request.DeviceId);
        var scheduler = await SchedulerFor(model, device, cancellationToken).ConfigureAwait(false);
        var decoder = scheduler.Decoder;
        var context = decoder.ContextLength;
        var prompt = request.PromptTokenIds?.ToArray() ?? model.Tokenizer.Encode(request.Prompt).ToArray();
        if (prompt.Length == 0)
        {
            throw new InputRejectedException("the prompt is empty");
        }
        if (prompt.Length >= context)
        {
            throw new ContextLengthExceededException(prompt.Length, context);
        }
        if (prompt.Any(id => id < 0 || id >= decoder.VocabularySize))
        {
            throw new InputRejectedException($"the prompt has token ids outside the model's vocabulary of {decoder.VocabularySize}");
        }
        if (request.MaxNewTokens < 1)
        {
            throw new InputRejectedException("maxNewTokens must be at least 1");
        }
        var maxNew = Math.Min(request.MaxNewTokens, context - prompt.Length);
        var bytes = scheduler.BytesFor(prompt.Length + maxNew);
        if (bytes > _options.KvCacheBytesPerDevice)
        {
            throw new InputRejectedException($"the generation needs {Mebibytes(bytes)} of KV cache; a device here holds at most {Mebibytes(_options.KvCacheBytesPerDevice)}");
        }

        var setup = new GenerationSetup
        {
            Prompt = prompt,
            MaxNewTokens = maxNew,
            Sampling = request.Sampling,
            Seed = request.Sampling.Seed ?? Random.Shared.Next(),
            StopSequences = request.StopSequences,
            EndOfSequenceId = model.EndOfSequenceId ?? model.Tokenizer.EndOfSequenceId,
            Tokenizer = model.Tokenizer,
            Device = device,
            FallbackReason = fallbackReason,
            StartedTimestamp = started,
        };
        var generation = new ActiveGeneration(setup, _time);
        var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var deadline = new CancellationTokenSource(Deadlines.Remaining(_time, Deadlines.After(_time, request.Deadline ?? _options.DefaultDeadline)), _time);
        setup.Releases.Add(cancel.Token.UnsafeRegister(static state => End(state, FinishReason.Cancelled), (generation, scheduler)));
        setup.Releases.Add(deadline.Token.UnsafeRegister(static state => End(state, FinishReason.Deadline), (generation, scheduler)));
        setup.Releases.Add(deadline);
        setup.Releases.Add(cancel);
        scheduler.Submit(generation);
        return new GenerationStream(generation, cancel);
    }

    /// <summary>Runs a generation to the end (the non-streaming answer).</summary>
    public async Task<GenerationResult> GenerateAsync(DecoderModel model, GenerationRequest request, CancellationToken cancellationToken = default)
    {
        var stream = await StartAsync(model, request, cancellationToken).ConfigureAwait(false);
        return await stream.Completion.ConfigureAwait(false);
    }

    private static string Mebibytes(long bytes) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.#} MiB");

    private static void End(object? state, FinishReason reason)
    {
        var (generation, scheduler) = ((ActiveGeneration, DecoderScheduler))state!;
        if (generation.RequestEnd(reason))
        {
            scheduler.Wake();
        }
    }

    private async Task<DecoderScheduler> SchedulerFor(DecoderModel model, ComputeDeviceInfo device, CancellationToken cancellationToken)
    {
        var key = (model.Sha256, device.Id);
        Lazy<Task<DecoderScheduler>> entry;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_schedulers.TryGetValue(key, out entry!))
            {
                entry = new Lazy<Task<DecoderScheduler>>(() => Task.Run(() => Load(model, device), CancellationToken.None));
                _schedulers[key] = entry;
            }
        }
        try
        {
            return await entry.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A failed load is not kept: the next request tries again.
            lock (_gate)
            {
                if (_schedulers.TryGetValue(key, out var current) && current == entry)
                {
                    _schedulers.Remove(key);
                }
            }
            throw;
        }
    }

    private DecoderScheduler Load(DecoderModel model, ComputeDeviceInfo device)
    {
        if (!File.Exists(model.ArtifactPath))
        {
            throw new ModelLoadException($"the artifact {model.ArtifactPath} does not exist");
        }
        var session = DecoderSessions.Create(model.ArtifactPath, device, _options);
        try
        {
            var check = DecoderSessions.Describe(session, _options.DefaultContextLength);
            if (!check.IsDecoder)
            {
                throw new ModelLoadException("the model is not a decoder with a KV cache (no past_key_values.* inputs or present.* outputs)");
            }
            if (check.Decoder is null)
            {
                throw new ModelLoadException("the decoder cannot be used: " + string.Join("; ", check.Reasons));
            }
            if (model.Tokenizer.VocabularySize > check.Decoder.VocabularySize)
            {
                throw new ModelLoadException($"the tokenizer knows {model.Tokenizer.VocabularySize} ids but the model's logits cover {check.Decoder.VocabularySize}");
            }
            return new DecoderScheduler(model.Sha256, session, check.Decoder, device, _options, _budgets[device.Id]);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>A pinned device if asked; else the GPU with the fewest active sequences; else the CPU, saying why.</summary>
    private (ComputeDeviceInfo Device, string? FallbackReason) ChooseDevice(string? deviceId)
    {
        if (deviceId is not null)
        {
            var pinned = Devices.Devices.FirstOrDefault(d => d.Id == deviceId)
                ?? throw new ArgumentException($"this engine has no device '{deviceId}' (it has {string.Join(", ", Devices.Devices.Select(d => d.Id))})", nameof(deviceId));
            return (pinned, null);
        }
        var gpus = Devices.Devices.Where(d => d.IsCuda).ToList();
        if (gpus.Count == 0)
        {
            return (Devices.Cpu, FallbackReasons.NoGpu);
        }
        var load = Status.GroupBy(s => s.DeviceId).ToDictionary(g => g.Key, g => g.Sum(s => s.Active + s.Waiting));
        return (gpus.OrderBy(g => load.GetValueOrDefault(g.Id)).First(), null);
    }

    public void Dispose()
    {
        List<Lazy<Task<DecoderScheduler>>> schedulers;
        lock (_gate)
        {
            _disposed = true;
            schedulers = _schedulers.Values.ToList();
            _schedulers.Clear();
        }
        foreach (var scheduler in schedulers.Where(s => s.IsValueCreated))
        {
            try
            {
                scheduler.Value.GetAwaiter().GetResult().Dispose();
            }
            catch (Exception e) when (e is InferenceException or OperationCanceledException)
            {
                // It never loaded.
            }
        }
    }
}
