using Marketplace.Application;
using Marketplace.Application.Common.Behaviours;

namespace Marketplace.Host.Hosting;

internal static class MediatorSetup
{
    /// <summary>
    /// The one place that lists the handler assemblies and the pipeline, outermost first:
    /// telemetry (sees every outcome) → authorization (before anything reads the request) →
    /// validation → handler.
    /// </summary>
    public static WebApplicationBuilder AddMarketplaceMediator(this WebApplicationBuilder builder)
    {
        builder.Services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies = [typeof(ApplicationMarker)];
            options.PipelineBehaviors =
            [
                typeof(TelemetryBehaviour<,>),
                typeof(AuthorizationBehaviour<,>),
                typeof(ValidationBehaviour<,>),
            ];
        });
        builder.Services.AddMarketplaceApplication();
        return builder;
    }
}
