using Marketplace.Domain.Listings;
using Marketplace.Inference.Devices;
using Marketplace.Inference.Execution;
using Marketplace.Inference.Validation;
using Microsoft.ML.OnnxRuntime;

namespace Marketplace.Inference.Generation;

/// <summary>
/// Sessions for decoders and their cache relayout model, with the engine's device settings (the
/// discovery's CUDA appender on a GPU; thread count and spinning on the CPU), and the decoder layout
/// read from a session's own metadata.
/// </summary>
internal static class DecoderSessions
{
    public static InferenceSession Create(byte[] model, ComputeDeviceInfo device, GenerationEngineOptions options)
    {
        using var sessionOptions = Options(device, options);
        return new InferenceSession(model, sessionOptions);
    }

    public static InferenceSession Create(string path, ComputeDeviceInfo device, GenerationEngineOptions options)
    {
        using var sessionOptions = Options(device, options);
        try
        {
            return new InferenceSession(path, sessionOptions);
        }
        catch (OnnxRuntimeException e)
        {
            throw new ModelLoadException($"ONNX Runtime could not load the decoder on {device.Id}: {ReadableText.FromRuntime(e.Message)}", e);
        }
    }

    /// <summary>The decoder layout from the session's inputs, outputs and custom metadata (names and shapes read, not assumed).</summary>
    public static DecoderCheck Describe(InferenceSession session, int defaultContextLength)
    {
        static IReadOnlyList<TensorSpec> Specs(IReadOnlyDictionary<string, NodeMetadata> metadata, IReadOnlyList<string> names) =>
            names.Select(n => new TensorSpec(
                    n,
                    metadata[n].IsTensor ? OnnxTypes.Name((int)metadata[n].ElementDataType) : "non-tensor",
                    metadata[n].IsTensor ? metadata[n].Dimensions.Select(d => (long)d).ToList() : []))
                .ToList();
        return DecoderSignature.Read(
            Specs(session.InputMetadata, session.InputNames),
            Specs(session.OutputMetadata, session.OutputNames),
            session.ModelMetadata.CustomMetadataMap,
            defaultContextLength);
    }

    private static SessionOptions Options(ComputeDeviceInfo device, GenerationEngineOptions options) =>
        Sessions.SessionSettings.For(device, options.Discovery, options.CpuIntraOpThreads, options.CpuSpinning);
}
