using Marketplace.Abstractions.Sandbox;
using Marketplace.Application.Sandbox;
using Marketplace.Domain.Sandbox;
using Marketplace.Grains.Sandbox;
using Marketplace.Grains.Cluster;
using Marketplace.Grains.Sandbox.Engine;
using Marketplace.Inference;
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
            return new QuotaPolicy(o.DailyTrialsPerOrganization, o.DailyComputeSecondsPerOrganization, o.TrialsPerSecond, o.TrialBurst);
        });
        builder.Services.AddOptions<InferenceSettings>().Bind(builder.Configuration.GetSection(InferenceSettings.Section));
        // A trial reserves up to the engine's deadline per input before its model is measured.
        builder.Services.AddOptions<SandboxOptions>().Configure<IOptions<InferenceSettings>>((sandbox, inference) =>
            sandbox.TrialDeadlineSeconds = inference.Value.ToEngineOptions().DefaultDeadline.TotalSeconds);
        builder.Services.AddSingleton(sp => new InferenceEngine(sp.GetRequiredService<IOptions<InferenceSettings>>().Value.ToEngineOptions()));
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
