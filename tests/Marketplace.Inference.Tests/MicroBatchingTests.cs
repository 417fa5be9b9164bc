using Marketplace.Inference.Models;

namespace Marketplace.Inference.Tests;

public sealed class MicroBatchingTests : IDisposable
{
    private readonly InferenceEngine _engine = new(new InferenceEngineOptions { Discovery = new() { DisableCuda = true } });

    [Fact]
    public async Task Concurrent_requests_share_one_run_and_each_gets_its_own_row()
    {
        // A long MaxDelay and MaxBatch 4: the batch runs as soon as the fourth request arrives.
        var model = TestModels.Tensors(TestModels.Linear(), new BatchingSettings { MaxBatch = 4, MaxDelay = TimeSpan.FromSeconds(30) });
        await _engine.PreloadAsync(model);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            _engine.RunAsync(model, ModelInput.FromTensors(TestModels.Tensor("x", [1, 3], i, 0, 1)))));

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(4, results[i].BatchSize);
            var y = Assert.Single(results[i].Tensors!);
            Assert.Equal([1L, 2L], y.Shape);
            // [i, 0, 1]·W + b = [i + 5 + 10, 2i + 6 + 20]
            Assert.Equal([i + 15d, (2 * i) + 26d], y.Data);
        }
    }

    [Fact]
    public async Task Requests_with_different_shapes_are_not_mixed()
    {
        var model = TestModels.Tensors(TestModels.MulAddRelu(), new BatchingSettings { MaxBatch = 2, MaxDelay = TimeSpan.FromSeconds(30) });
        await _engine.PreloadAsync(model);

        var results = await Task.WhenAll(
            _engine.RunAsync(model, ModelInput.FromTensors(TestModels.Tensor("x", [1, 4], 2, 2, 2, 2))),
            _engine.RunAsync(model, ModelInput.FromTensors(TestModels.Tensor("x", [2, 4], 3, 3, 3, 3, 4, 4, 4, 4))),
            _engine.RunAsync(model, ModelInput.FromTensors(TestModels.Tensor("x", [1, 4], 5, 5, 5, 5))));

        Assert.Equal([2, 1, 2], results.Select(r => r.BatchSize));
        Assert.Equal([1d, 1, 1, 1], results[0].Tensors![0].Data);
        Assert.Equal([3d, 3, 3, 3, 5, 5, 5, 5], results[1].Tensors![0].Data);
        Assert.Equal([7d, 7, 7, 7], results[2].Tensors![0].Data);
    }

    [Fact]
    public async Task A_lone_request_runs_at_once_without_waiting_for_a_batch()
    {
        var model = TestModels.Tensors(TestModels.Linear(), new BatchingSettings { MaxBatch = 32, MaxDelay = TimeSpan.Zero });

        var result = await _engine.RunAsync(model, ModelInput.FromTensors(TestModels.Tensor("x", [1, 3], 1, 1, 1)));

        Assert.Equal(1, result.BatchSize);
        Assert.Equal([19d, 32d], result.Tensors![0].Data);
    }

    public void Dispose() => _engine.Dispose();
}
