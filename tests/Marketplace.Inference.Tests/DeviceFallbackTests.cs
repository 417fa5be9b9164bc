using Marketplace.Inference.Devices;
using Marketplace.Inference.Models;

namespace Marketplace.Inference.Tests;

public sealed class DeviceFallbackTests
{
    [Fact]
    public async Task When_the_CUDA_provider_cannot_be_created_the_engine_runs_on_CPU_tells_the_buyer_plainly_and_keeps_the_error_for_operators()
    {
        using var engine = new InferenceEngine(new InferenceEngineOptions
        {
            Discovery = new DeviceDiscoveryOptions
            {
                AppendCuda = (_, _) => throw new InvalidOperationException("Failed to load shared library libcudart.so.13"),
            },
        });
        var model = TestModels.Tensors(TestModels.Linear());

        var result = await engine.RunAsync(model, ModelInput.FromTensors(TestModels.Tensor("x", [1, 3], 1, 0, 0)));

        Assert.False(engine.Devices.HasCuda);
        Assert.Equal("Failed to load shared library libcudart.so.13", engine.Devices.CudaUnavailableReason);
        Assert.StartsWith("CPU only (", engine.Devices.Summary, StringComparison.Ordinal);
        Assert.EndsWith("CUDA unavailable: Failed to load shared library libcudart.so.13", engine.Devices.Summary, StringComparison.Ordinal);
        Assert.Equal(("cpu", "CPU"), (result.Device.Id, result.Device.Kind));
        Assert.Equal("no GPU on this sandbox host, ran on the CPU", result.FallbackReason);
        Assert.Equal([11d, 22d], result.Tensors![0].Data);
    }

    [Fact]
    public void Discovery_on_this_machine_always_offers_the_CPU_and_explains_a_missing_GPU()
    {
        var found = DeviceDiscovery.Discover();

        Assert.Equal("cpu", found.Devices[^1].Id);
        Assert.True(found.HasCuda || !string.IsNullOrWhiteSpace(found.CudaUnavailableReason));
    }

    [Fact]
    public async Task A_GPU_with_a_free_slot_is_chosen_before_the_CPU()
    {
        // An appender that adds nothing makes "cuda:0" a CPU session in disguise: enough to test the choice.
        using var engine = new InferenceEngine(new InferenceEngineOptions
        {
            Discovery = new DeviceDiscoveryOptions { AppendCuda = (_, _) => { }, MaxCudaDevices = 1 },
        });
        var model = TestModels.Tensors(TestModels.Linear());

        var result = await engine.RunAsync(model, ModelInput.FromTensors(TestModels.Tensor("x", [1, 3], 0, 1, 0)));

        Assert.Equal(["cuda:0", "cpu"], engine.Devices.Devices.Select(d => d.Id));
        Assert.Equal(("cuda:0", "CUDA"), (result.Device.Id, result.Device.Kind));
        Assert.Null(result.FallbackReason);
    }
}
