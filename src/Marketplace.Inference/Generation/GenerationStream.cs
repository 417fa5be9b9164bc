using System.Threading.Channels;
using Marketplace.Inference.Devices;

namespace Marketplace.Inference.Generation;

/// <summary>
/// A running generation: chunks as tokens come (for server-sent events), then the result with usage
/// and timings. The channel completes when the generation ends, normally or not; <see cref="Completion"/>
/// never faults for cancellation or a deadline (they are finish reasons), only when the model fails.
/// </summary>
public sealed class GenerationStream
{
    private readonly ActiveGeneration _generation;
    private readonly CancellationTokenSource _cancel;

    internal GenerationStream(ActiveGeneration generation, CancellationTokenSource cancel)
    {
        _generation = generation;
        _cancel = cancel;
    }

    public ComputeDeviceInfo Device => _generation.Setup.Device;

    public ChannelReader<GeneratedChunk> Chunks => _generation.Chunks;

    public Task<GenerationResult> Completion => _generation.Completion;

    public IAsyncEnumerable<GeneratedChunk> ReadChunksAsync(CancellationToken cancellationToken = default) =>
        _generation.Chunks.ReadAllAsync(cancellationToken);

    /// <summary>Ends the generation at the next step with reason cancelled, freeing its batch slot (as the caller's token does).</summary>
    public void Cancel()
    {
        try
        {
            _cancel.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already ended.
        }
    }
}
