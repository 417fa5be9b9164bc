using Marketplace.Inference.Execution;
using Marketplace.Inference.Models;
using Marketplace.Inference.Sessions;

namespace Marketplace.Inference.Tests;

public sealed class EngineLimitsTests
{
    [Fact]
    public async Task A_run_past_its_deadline_is_terminated_with_a_timeout_error()
    {
        // 2,000 MatMuls of [2048 × 512]·[512 × 512] (about 2 TFLOP): ten seconds or more even on a fast
        // many-core CPU, so only RunOptions.Terminate can end it near the deadline, even when the
        // deadline timer fires late on a busy machine. 200 layers once finished first on a fast CI host.
        using var engine = new InferenceEngine(new InferenceEngineOptions { Discovery = new() { DisableCuda = true } });
        var model = TestModels.Tensors(TestModels.MatMulChain(512, 2000), new BatchingSettings { Enabled = false });
        await engine.PreloadAsync(model);
        var input = ModelInput.FromTensors(TestModels.Tensor("x", [2048, 512], new double[2048 * 512]));

        var error = await Assert.ThrowsAsync<InferenceTimeoutException>(() =>
            engine.RunAsync(model, input, new InferenceRequestOptions { Deadline = TimeSpan.FromMilliseconds(300) }));

        Assert.Equal("the inference did not finish within its deadline of 300 ms", error.Message);
    }

    [Fact]
    public async Task A_batched_run_past_its_deadline_is_terminated_and_the_device_is_freed()
    {
        // One row expanded to 2048 × 512, then 2,000 MatMuls, through the batcher (MaxDelay makes it
        // queue): ten seconds or more of work on any CPU, cut short at the deadline. No warm-up: it would run it all.
        using var engine = new InferenceEngine(new InferenceEngineOptions { Discovery = new() { DisableCuda = true }, WarmUp = false });
        var slow = TestModels.Tensors(TestModels.ExpandedMatMulChain(512, 2048, 2000), new BatchingSettings { MaxBatch = 2, MaxDelay = TimeSpan.FromMilliseconds(20) });
        var quick = TestModels.Tensors(TestModels.Linear(), new BatchingSettings { Enabled = false });
        await engine.PreloadAsync(slow);

        var error = await Record.ExceptionAsync(async () =>
        {
            var unexpected = await engine.RunAsync(slow,
                ModelInput.FromTensors(TestModels.Tensor("x", [1, 512], new double[512])),
                new InferenceRequestOptions { Deadline = TimeSpan.FromMilliseconds(300) });
            Assert.Fail($"finished: run {unexpected.RunMs} ms, latency {unexpected.LatencyMs} ms, batch {unexpected.BatchSize}, shape [{string.Join(",", unexpected.Tensors![0].Shape)}]");
        });
        Assert.True(error is InferenceTimeoutException, error?.ToString());
        var after = await engine.RunAsync(quick, ModelInput.FromTensors(TestModels.Tensor("x", [1, 3], 1, 0, 0)));

        Assert.Equal([11d, 22d], after.Tensors![0].Data);
    }

    [Fact]
    public async Task Oversized_inputs_are_refused_before_the_model_is_loaded()
    {
        using var engine = new InferenceEngine(new InferenceEngineOptions
        {
            Discovery = new() { DisableCuda = true },
            Limits = new InputLimits { MaxTextChars = 10, MaxImageBytes = 100, MaxTensorElements = 4 },
        });
        var model = TestModels.Tensors(TestModels.Linear());

        var tensor = await Assert.ThrowsAsync<InputRejectedException>(() =>
            engine.RunAsync(model, ModelInput.FromTensors(TestModels.Tensor("x", [2, 3], 1, 2, 3, 4, 5, 6)))); 
        var text = await Assert.ThrowsAsync<InputRejectedException>(() => engine.RunAsync(model, ModelInput.FromText("eleven chars")));
        var image = await Assert.ThrowsAsync<InputRejectedException>(() => engine.RunAsync(model, ModelInput.FromImage(new byte[101])));

        Assert.Equal("the input has 6 elements; the limit is 4", tensor.Message);
        Assert.Equal("the text has 12 characters; the limit is 10", text.Message);
        Assert.Equal("the image has 101 bytes; the limit is 100", image.Message);
        Assert.Empty(engine.Sessions.Keys);
    }

    [Fact]
    public async Task Inputs_of_the_wrong_shape_are_refused_with_the_expected_shape()
    {
        using var engine = new InferenceEngine(new InferenceEngineOptions { Discovery = new() { DisableCuda = true } });
        var model = TestModels.Tensors(TestModels.Linear());

        var error = await Assert.ThrowsAsync<InputRejectedException>(() =>
            engine.RunAsync(model, ModelInput.FromTensors(TestModels.Tensor("x", [1, 4], 1, 2, 3, 4))));

        Assert.Equal("input 'x' has shape [1, 4]; the model expects [-1, 3] (-1 = any)", error.Message);
    }

    [Fact]
    public async Task Session_cache_evicts_the_least_recently_used_model_past_its_budget()
    {
        // Three models of ~400 KB each (factor 1) in a 1 MB budget: only two fit.
        using var engine = new InferenceEngine(new InferenceEngineOptions
        {
            Discovery = new() { DisableCuda = true },
            SessionMemoryBudgetBytes = 1_000_000,
            SessionMemoryFactor = 1.0,
        });
        var a = TestModels.Tensors(TestModels.WithWeights(100_000, 1f));
        var b = TestModels.Tensors(TestModels.WithWeights(100_000, 2f));
        var c = TestModels.Tensors(TestModels.WithWeights(100_000, 3f));

        await engine.PreloadAsync(a);
        await engine.PreloadAsync(b);
        await engine.PreloadAsync(a); // a is now more recent than b
        await engine.PreloadAsync(c);

        Assert.Equal([new SessionKey(c.Sha256, "cpu"), new SessionKey(a.Sha256, "cpu")], engine.Sessions.Keys);
        Assert.True(engine.Sessions.UsedBytes <= 1_000_000);
    }

    [Fact]
    public async Task Concurrent_first_requests_load_a_model_once()
    {
        var loads = 0;
        using var engine = new InferenceEngine(new InferenceEngineOptions { Discovery = new() { DisableCuda = true } });
        var model = TestModels.Tensors(TestModels.WithWeights(1000, 7f), new BatchingSettings { Enabled = false });
        var input = ModelInput.FromTensors(TestModels.Tensor("x", [1, 1000], new double[1000]));

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => engine.RunAsync(model, input)));
        loads = engine.Sessions.Keys.Count;

        Assert.Equal(1, loads);
        Assert.All(results, r => Assert.All(r.Tensors![0].Data, v => Assert.Equal(7d, v)));
    }
}
