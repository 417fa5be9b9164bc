using Marketplace.Abstractions.Sandbox;
using Marketplace.Application.Sandbox;
using Marketplace.Domain.Sandbox;
using Marketplace.Grains.Sandbox;
using Marketplace.Grains.Cluster;
using Marketplace.Grains.Sandbox.Engine;
using Marketplace.Inference;
using Marketplace.Inference.Generation;
using Marketplace.Inference.Validation;
using Microsoft.Extensions.Options;

namespace Marketplace.Host.Hosting;

internal static class SandboxSetup
{
    /// <summary>The inference engine (devices discovered once, at start), the isolated validator, quotas and placement inputs.</summary>
    public static WebApplicationBuilder AddMarketplaceSandbox(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SandboxOptions>().Bind(builder.Configuration.GetSection(SandboxOptions.Section));
        builder.Services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<SandboxOptions>>().Value;
            return new QuotaPolicy(o.DailyTrialsPerOrganization, o.DailyComputeSecondsPerOrganization, o.TrialsPerSecond, o.TrialBurst, o.DailyGenerationTokensPerOrganization);
        });
        builder.Services.AddOptions<InferenceSettings>().Bind(builder.Configuration.GetSection(InferenceSettings.Section));
        // A trial reserves up to the engine's deadline per input before its model is measured.
        builder.Services.AddOptions<SandboxOptions>().Configure<IOptions<InferenceSettings>>((sandbox, inference) =>
            sandbox.TrialDeadlineSeconds = inference.Value.ToEngineOptions().DefaultDeadline.TotalSeconds);
        builder.Services.AddSingleton(sp => new InferenceEngine(sp.GetRequiredService<IOptions<InferenceSettings>>().Value.ToEngineOptions()));
        // Generations run on the host that received the request, not behind the runner grain: their
        // tokens stream to the client as each decode step ends and a client that leaves must stop
        // its sequence at the next step, which a grain call (one answer, batched async-enumerable
        // pages, no caller cancellation across silos) cannot do without copying every token across a
        // hop. One engine per process batches all of its generations; admission and metering still go
        // through the organisation's quota grain and the usage ledger like every trial.
        builder.Services.AddSingleton(sp => new GenerationEngine(
            sp.GetRequiredService<InferenceEngine>().Devices,
            sp.GetRequiredService<IOptions<InferenceSettings>>().Value.ToGenerationOptions()));
        builder.Services.AddSingleton<StoredTokenizers>();
        builder.Services.AddSingleton<ITokenizerFiles>(sp => sp.GetRequiredService<StoredTokenizers>());
        builder.Services.AddSingleton<EngineGenerator>();
        builder.Services.AddSingleton<ISandboxGenerator>(sp => sp.GetRequiredService<EngineGenerator>());
        builder.Services.AddSingleton<GenerationBenchmarks>();
        builder.Services.AddSingleton(_ => new ArtifactValidator());
        builder.Services.AddSingleton<IArtifactValidation, ValidatorArtifactValidation>();
        builder.Services.AddSingleton<ILocalDeviceSource, EngineDeviceSource>();
        builder.Services.AddSingleton<SandboxLoad>();
        builder.Services.AddSingleton<DeviceDirectory>();
        builder.Services.AddSingleton<IDeviceDirectory>(sp => sp.GetRequiredService<DeviceDirectory>());
        builder.Services.AddSingleton<ISandboxRouting>(sp => sp.GetRequiredService<DeviceDirectory>());
        builder.Services.AddSingleton<ISandboxEngine, InferenceSandboxEngine>();
        builder.Services.AddSingleton<IBuiltInArtifacts, PackagedModels>();
        return builder;
    }
}
