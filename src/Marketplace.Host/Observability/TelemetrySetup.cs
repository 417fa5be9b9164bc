using Marketplace.Application.Common.Behaviours;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Marketplace.Host.Observability;

internal static class TelemetrySetup
{
    /// <summary>
    /// Traces and metrics for HTTP, Orleans and the mediator, exported over OTLP when
    /// OTEL_EXPORTER_OTLP_ENDPOINT is set. Traces are sampled at
    /// Marketplace:Telemetry:TraceSampleRatio (default: all when exported, none when not, because
    /// an activity per grain call costs measurable time on the trial hot path and nothing would
    /// read it). Logs are structured (JSON when Logging:Json is true).
    /// </summary>
    public static WebApplicationBuilder AddMarketplaceTelemetry(this WebApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue<bool>("Logging:Json"))
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        }
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var sampleRatio = Math.Clamp(builder.Configuration.GetValue<double?>("Marketplace:Telemetry:TraceSampleRatio") ?? (otlp ? 1 : 0), 0, 1);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("marketplace", serviceVersion: RuntimeInfo.ProductVersion))
            .WithTracing(t =>
            {
                t.SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(sampleRatio)))
                    .AddAspNetCoreInstrumentation(o => o.Filter = c => !c.Request.Path.StartsWithSegments("/health"))
                    .AddHttpClientInstrumentation()
                    .AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application", ApplicationTelemetry.Name);
                if (otlp)
                {
                    t.AddOtlpExporter();
                }
            })
            .WithMetrics(m =>
            {
                m.AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter("Microsoft.Orleans", ApplicationTelemetry.Name);
                if (otlp)
                {
                    m.AddOtlpExporter();
                }
            });
        return builder;
    }
}
