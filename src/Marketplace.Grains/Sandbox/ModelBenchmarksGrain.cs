using Marketplace.Abstractions.Sandbox;
using Marketplace.Domain.Sandbox;

namespace Marketplace.Grains.Sandbox;

public sealed class ModelBenchmarksGrain(
    [PersistentState("benchmarks", StorageNames.Default)] IPersistentState<ModelBenchmarksState> state) : Grain, IModelBenchmarksGrain
{
    public async Task RecordAsync(IReadOnlyList<DeviceBenchmark> results)
    {
        foreach (var result in results)
        {
            state.State.Results.RemoveAll(r => r.DeviceName == result.DeviceName && r.DeviceKind == result.DeviceKind && r.ArtifactSha256 == result.ArtifactSha256);
            state.State.Results.Add(result);
        }
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<DeviceBenchmark>> ListAsync() =>
        Task.FromResult<IReadOnlyList<DeviceBenchmark>>(state.State.Results.OrderByDescending(r => r.MeasuredAt).ToList());
}

[GenerateSerializer, Alias("Marketplace.ModelBenchmarksState")]
public sealed class ModelBenchmarksState
{
    [Id(0)]
    public List<DeviceBenchmark> Results { get; set; } = [];
}
