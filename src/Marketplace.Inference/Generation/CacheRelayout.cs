using Marketplace.Inference.Devices;
using Marketplace.Inference.Onnx.Decoders;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Marketplace.Inference.Generation;

/// <summary>
/// Rearranges a batch's cache between decode steps — rows leave, a prefilled sequence joins — with
/// the <see cref="CacheRelayoutBuilder"/> model on the cache's own device.
/// </summary>
internal sealed class CacheRelayout : IDisposable
{
    private readonly InferenceSession _session;
    private readonly OrtMemoryInfo _cacheMemory;
    private readonly bool _ownsCacheMemory;
    private readonly int _tensors;
    private readonly OrtValue[] _noRows;

    public CacheRelayout(int tensors, int kvHeads, int headSize, ComputeDeviceInfo device, GenerationEngineOptions options)
    {
        _tensors = tensors;
        _session = DecoderSessions.Create(CacheRelayoutBuilder.Build(tensors, kvHeads, headSize), device, options);
        if (device.IsCuda)
        {
            _cacheMemory = new OrtMemoryInfo(OrtMemoryInfo.allocatorCUDA, OrtAllocatorType.DeviceAllocator, device.CudaOrdinal, OrtMemType.Default);
            _ownsCacheMemory = true;
        }
        else
        {
            _cacheMemory = OrtMemoryInfo.DefaultInstance;
        }
        _noRows = Enumerable.Range(0, tensors)
            .Select(_ => OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, TensorElementType.Float, [0, kvHeads, 0, headSize]))
            .ToArray();
    }

    /// <summary>
    /// The new cache: rows <paramref name="keep"/> of <paramref name="old"/> with their first
    /// <paramref name="trim"/> columns dropped and <paramref name="oldPad"/> columns of padding put in front,
    /// then the <paramref name="joining"/> cache (if any) with <paramref name="newPad"/> in front.
    /// The inputs stay the caller's.
    /// </summary>
    public OrtValue[] Run(IReadOnlyList<OrtValue> old, long[] keep, long trim, long oldPad, IReadOnlyList<OrtValue>? joining, long newPad, RunOptions runOptions)
    {
        using var keepValue = OrtValue.CreateTensorValueFromMemory(keep, [keep.Length]);
        using var trimValue = OrtValue.CreateTensorValueFromMemory(new[] { trim }, [1]);
        using var oldPads = OrtValue.CreateTensorValueFromMemory(new long[] { 0, 0, oldPad, 0, 0, 0, 0, 0 }, [8]);
        using var newPads = OrtValue.CreateTensorValueFromMemory(new long[] { 0, 0, newPad, 0, 0, 0, 0, 0 }, [8]);
        using var binding = _session.CreateIoBinding();
        binding.BindInput(CacheRelayoutBuilder.Keep, keepValue);
        binding.BindInput(CacheRelayoutBuilder.Trim, trimValue);
        binding.BindInput(CacheRelayoutBuilder.OldPads, oldPads);
        binding.BindInput(CacheRelayoutBuilder.NewPads, newPads);
        var joiningRows = joining ?? _noRows;
        for (var j = 0; j < _tensors; j++)
        {
            binding.BindInput(CacheRelayoutBuilder.Old(j), old[j]);
            binding.BindInput(CacheRelayoutBuilder.New(j), joiningRows[j]);
            binding.BindOutputToDevice(CacheRelayoutBuilder.Out(j), _cacheMemory);
        }
        // As in DecoderStep: the collection only disposes its elements, which the caller now owns.
        return _session.RunWithBoundResults(runOptions, binding).ToArray();
    }

    public void Dispose()
    {
        CacheValues.Dispose(_noRows);
        if (_ownsCacheMemory)
        {
            _cacheMemory.Dispose();
        }
        _session.Dispose();
    }
}
