using Marketplace.Inference.Adapters;
using Marketplace.Inference.Devices;
using Marketplace.Inference.Execution;
using Marketplace.Inference.Models;
using Microsoft.ML.OnnxRuntime;

namespace Marketplace.Inference.Sessions;

/// <summary>Creates a session for a model on a device, its adapters and batcher, and warms it up.</summary>
internal sealed class ModelLoader(InferenceEngineOptions options, DeviceSlots slots)
{
    public LoadedModel Load(ModelDescriptor model, ComputeDeviceInfo device)
    {
        if (!File.Exists(model.ArtifactPath))
        {
            throw new ModelLoadException($"the artifact {model.ArtifactPath} does not exist");
        }
        InferenceSession session;
        using (var sessionOptions = CreateSessionOptions(device))
        {
            try
            {
                session = new InferenceSession(model.ArtifactPath, sessionOptions);
            }
            catch (OnnxRuntimeException e)
            {
                throw new ModelLoadException($"ONNX Runtime could not load the model on {device.Id}: {e.Message}", e);
            }
        }
        try
        {
            var inputs = TensorInfo.From(session.InputNames, session.InputMetadata);
            var outputs = TensorInfo.From(session.OutputNames, session.OutputMetadata);
            var batchable = inputs.All(i => i.HasDynamicFirstDim) && outputs.All(o => o.HasDynamicFirstDim);
            var loaded = new LoadedModel
            {
                Key = new SessionKey(model.Sha256, device.Id),
                Device = device,
                Session = session,
                InputNames = session.InputNames.ToArray(),
                Inputs = inputs,
                Outputs = outputs,
                IsBatchable = batchable,
                Adapter = model.Adapter switch
                {
                    AdapterKind.Text => new TextAdapter(model.Text ?? throw new ModelLoadException("a text model needs text adapter settings"), inputs),
                    AdapterKind.Image => new ImageAdapter(model.Image ?? new ImageAdapterSettings(), inputs),
                    _ => new TensorAdapter(inputs, batchable),
                },
                Interpreter = new OutputInterpreter(model.Output, outputs),
                EstimatedBytes = (long)(new FileInfo(model.ArtifactPath).Length * options.SessionMemoryFactor),
            };
            if (options.WarmUp)
            {
                WarmUp(loaded);
            }
            var batching = model.Batching ?? options.Batching;
            if (batchable && batching.Enabled && batching.MaxBatch > 1)
            {
                loaded.Batcher = new MicroBatcher(loaded, slots.For(device), slots.ExecutorFor(device), batching, options.TimeProvider);
            }
            return loaded;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    private SessionOptions CreateSessionOptions(ComputeDeviceInfo device) =>
        SessionSettings.For(device, options.Discovery, options.CpuIntraOpThreads, options.CpuSpinning);

    /// <summary>
    /// One run on zeros (dynamic dimensions as 1) so ONNX Runtime allocates its buffers and picks
    /// kernels now. A model that cannot run on zeros still loads: the first real input decides.
    /// </summary>
    private static void WarmUp(LoadedModel model)
    {
        if (!model.Inputs.All(i => TensorArrays.IsSupported(i.ElementType)))
        {
            return;
        }
        var shapes = model.Inputs.Select(i => i.Dims.Select(d => d < 0 ? 1 : d).ToArray()).ToArray();
        var row = new PreparedRow
        {
            Shapes = shapes,
            Data = model.Inputs.Select((i, k) => TensorArrays.Allocate(i.ElementType, (int)shapes[k].Aggregate(1L, (a, b) => a * b))).ToArray(),
        };
        try
        {
            using var runOptions = new RunOptions();
            BatchRunner.Run(model, [row], runOptions);
        }
        catch (Exception e) when (e is OnnxRuntimeException or InferenceException)
        {
            // Not fatal: see above.
        }
    }
}
