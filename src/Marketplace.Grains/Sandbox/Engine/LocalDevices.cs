using Marketplace.Abstractions.Cluster;
using Marketplace.Inference;

namespace Marketplace.Grains.Sandbox.Engine;

/// <summary>The compute devices this process can run work on.</summary>
public interface ILocalDeviceSource
{
    IReadOnlyList<ComputeDevice> Devices { get; }

    /// <summary>Why no GPU is used here, when none is ("CUDA unavailable: …"); null with a GPU.</summary>
    string? Note { get; }
}

/// <summary>What the inference engine discovered at start: a GPU counts only if a session could be created on it.</summary>
public sealed class EngineDeviceSource(InferenceEngine engine) : ILocalDeviceSource
{
    public IReadOnlyList<ComputeDevice> Devices { get; } =
        engine.Devices.Devices.Select(d => new ComputeDevice(d.Id, d.Kind, d.Name)).ToList();

    public string? Note => engine.Devices.HasCuda ? null : engine.Devices.Summary;
}
