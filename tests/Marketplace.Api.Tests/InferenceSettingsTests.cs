using Marketplace.Host.Hosting;
using Microsoft.Extensions.Configuration;

namespace Marketplace.Api.Tests;

public sealed class InferenceSettingsTests
{
    [Fact]
    public void Configured_values_reach_the_engine_and_the_rest_keep_its_defaults()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Marketplace:Inference:DisableCuda"] = "true",
            ["Marketplace:Inference:MaxBatch"] = "8",
            ["Marketplace:Inference:MaxBatchDelayMs"] = "2.5",
            ["Marketplace:Inference:SessionMemoryBudgetMb"] = "512",
            ["Marketplace:Inference:CpuSpinning"] = "WhileRunning",
        }).Build();
        var settings = configuration.GetSection(InferenceSettings.Section).Get<InferenceSettings>()!;

        var options = settings.ToEngineOptions();
        var defaults = new Marketplace.Inference.InferenceEngineOptions();

        Assert.True(options.Discovery.DisableCuda);
        Assert.Equal(8, options.Batching.MaxBatch);
        Assert.Equal(TimeSpan.FromMilliseconds(2.5), options.Batching.MaxDelay);
        Assert.True(options.Batching.Enabled);
        Assert.Equal(512L * 1024 * 1024, options.SessionMemoryBudgetBytes);
        Assert.Equal(defaults.CpuConcurrency, options.CpuConcurrency);
        Assert.Equal(defaults.DefaultDeadline, options.DefaultDeadline);
        Assert.Equal(Marketplace.Inference.CpuSpinning.WhileRunning, options.CpuSpinning);
        Assert.Equal(Marketplace.Inference.CpuSpinning.Off, defaults.CpuSpinning);
    }
}
