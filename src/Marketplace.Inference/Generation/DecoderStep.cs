using Marketplace.Inference.Devices;
using Marketplace.Inference.Onnx.Decoders;
using Marketplace.Inference.Validation;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Marketplace.Inference.Generation;

/// <summary>
/// One forward pass of a decoder over a batch. Token ids, mask and positions are small managed
/// arrays; the past cache goes in as the OrtValues the previous pass returned, and the present cache
/// is bound to the device's memory (the GPU on CUDA), so the cache never passes through managed
/// arrays. Logits are bound to CPU memory: they are read to choose tokens.
/// </summary>
internal sealed class DecoderStep : IDisposable
{
    private readonly InferenceSession _session;
    private readonly DecoderDescription _decoder;
    private readonly OrtMemoryInfo _cacheMemory;
    private readonly bool _ownsCacheMemory;
    private readonly string[] _pastNames;
    private readonly string[] _presentNames;
    private readonly OrtValue[] _emptyPast;

    public DecoderStep(InferenceSession session, DecoderDescription decoder, ComputeDeviceInfo device)
    {
        _session = session;
        _decoder = decoder;
        if (device.IsCuda)
        {
            _cacheMemory = new OrtMemoryInfo(OrtMemoryInfo.allocatorCUDA, OrtAllocatorType.DeviceAllocator, device.CudaOrdinal, OrtMemType.Default);
            _ownsCacheMemory = true;
        }
        else
        {
            _cacheMemory = OrtMemoryInfo.DefaultInstance;
        }
        _pastNames = Enumerable.Range(0, decoder.Layers).SelectMany(l => new[] { DecoderNames.PastKey(l), DecoderNames.PastValue(l) }).ToArray();
        _presentNames = Enumerable.Range(0, decoder.Layers).SelectMany(l => new[] { DecoderNames.PresentKey(l), DecoderNames.PresentValue(l) }).ToArray();
        // A zero-length past ([1, kv, 0, head]) is how the first pass over a prompt says "no cache yet".
        _emptyPast = _pastNames.Select(_ => OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, TensorElementType.Float, [1, decoder.KvHeads, 0, decoder.HeadSize])).ToArray();
    }

    /// <summary>Cache tensors per sequence (a key and a value per layer), in the order Run returns them.</summary>
    public int CacheTensors => _pastNames.Length;

    /// <summary>
    /// Runs the decoder. <paramref name="ids"/> and <paramref name="positions"/> are [batch, length],
    /// <paramref name="mask"/> [batch, past + length]; <paramref name="past"/> null means no cache.
    /// The caller owns the returned OrtValues.
    /// </summary>
    public StepOutput Run(long[] ids, long[] mask, long[] positions, int batch, int length, IReadOnlyList<OrtValue>? past, RunOptions runOptions)
    {
        var total = mask.Length / batch;
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, [batch, length]);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, [batch, total]);
        using var positionsValue = _decoder.HasPositionIds ? OrtValue.CreateTensorValueFromMemory(positions, [batch, length]) : null;
        using var binding = _session.CreateIoBinding();
        binding.BindInput(DecoderNames.InputIds, idsValue);
        binding.BindInput(DecoderNames.AttentionMask, maskValue);
        if (positionsValue is not null)
        {
            binding.BindInput(DecoderNames.PositionIds, positionsValue);
        }
        var cache = past ?? _emptyPast;
        for (var i = 0; i < _pastNames.Length; i++)
        {
            binding.BindInput(_pastNames[i], cache[i]);
        }
        binding.BindOutputToDevice(DecoderNames.Logits, OrtMemoryInfo.DefaultInstance);
        foreach (var name in _presentNames)
        {
            binding.BindOutputToDevice(name, _cacheMemory);
        }
        // The returned collection only disposes its elements; each one is handed to the caller instead.
        var outputs = _session.RunWithBoundResults(runOptions, binding).ToArray();
        return new StepOutput(outputs[0], outputs[1..]);
    }

    public void Dispose()
    {
        foreach (var value in _emptyPast)
        {
            value.Dispose();
        }
        if (_ownsCacheMemory)
        {
            _cacheMemory.Dispose();
        }
    }
}

/// <summary>A pass's logits [batch, length, vocabulary] (CPU) and present cache (on the device); the owner disposes them.</summary>
internal sealed class StepOutput(OrtValue logits, OrtValue[] present) : IDisposable
{
    public OrtValue Logits { get; } = logits;

    public OrtValue[] Present { get; private set; } = present;

    /// <summary>Hands the present cache to a new owner; disposing this then frees only the logits.</summary>
    public OrtValue[] TakePresent()
    {
        var present = Present;
        Present = [];
        return present;
    }

    // Read once per pass, not once per row: every row of a step asks for its logits.
    private readonly (int Length, int Vocabulary) _shape = ShapeOf(logits);

    /// <summary>The last position's logits of one batch row.</summary>
    public ReadOnlySpan<float> LastLogits(int row) =>
        Logits.GetTensorDataAsSpan<float>().Slice(((row * _shape.Length) + _shape.Length - 1) * _shape.Vocabulary, _shape.Vocabulary);

    private static (int Length, int Vocabulary) ShapeOf(OrtValue logits)
    {
        var shape = logits.GetTensorTypeAndShape().Shape;
        return ((int)shape[1], (int)shape[2]);
    }

    public void Dispose()
    {
        Logits.Dispose();
        CacheValues.Dispose(Present);
    }
}

internal static class CacheValues
{
    public static void Dispose(IEnumerable<OrtValue>? values)
    {
        if (values is null)
        {
            return;
        }
        foreach (var value in values)
        {
            value.Dispose();
        }
    }
}
