using Marketplace.Application.Common.Behaviours;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Marketplace.Host.Observability;

internal static class TelemetrySetup
{
    /// <summary>
    /// Traces and metrics for HTTP, Orleans and the mediator, exported over OTLP to the collector
    /// named by OTEL_EXPORTER_OTLP_ENDPOINT. Without a collector nothing would read them, so they are
    /// not collected at all (an activity per grain call is measurable on a hot path). Logs are
    /// structured (JSON when Logging:Json is true).
    /// </summary>
    public static WebApplicationBuilder AddMarketplaceTelemetry(this WebApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue<bool>("Logging:Json"))
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        }
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return builder;
        }
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("marketplace", serviceVersion: RuntimeInfo.ProductVersion))
            .WithTracing(t =>
            {
                t.AddAspNetCoreInstrumentation(o => o.Filter = c => !c.Request.Path.StartsWithSegments("/health"))
                    .AddHttpClientInstrumentation()
                    .AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application", ApplicationTelemetry.Name)
                    .AddOtlpExporter();
            })
            .WithMetrics(m =>
            {
                m.AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter("Microsoft.Orleans", ApplicationTelemetry.Name)
                    .AddOtlpExporter();
            });
        return builder;
    }
}
