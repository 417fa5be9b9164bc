using System.Diagnostics;
using System.Diagnostics.Metrics;
using Marketplace.Abstractions.Errors;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Marketplace.Application.Common.Behaviours;

/// <summary>
/// Outermost step: one trace span, one duration measurement and one log line per request, with
/// the outcome (ok, or the error code) so dashboards show both latency and refusal rates.
/// </summary>
public sealed partial class TelemetryBehaviour<TMessage, TResponse>(ILogger<TelemetryBehaviour<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var name = typeof(TMessage).Name;
        using var activity = ApplicationTelemetry.Source.StartActivity(name);
        var started = Stopwatch.GetTimestamp();
        var outcome = "ok";
        try
        {
            return await next(message, cancellationToken);
        }
        catch (MarketplaceException e)
        {
            outcome = e.Code;
            throw;
        }
        catch (Exception e)
        {
            outcome = "error";
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            throw;
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            ApplicationTelemetry.Duration.Record(
                elapsed.TotalMilliseconds,
                new KeyValuePair<string, object?>("request", name),
                new KeyValuePair<string, object?>("outcome", outcome));
            activity?.SetTag("marketplace.outcome", outcome);
            LogHandled(name, outcome, elapsed.TotalMilliseconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Request} handled: {Outcome} in {ElapsedMs:0.0} ms")]
    private partial void LogHandled(string request, string outcome, double elapsedMs);
}

/// <summary>The application's activity source and meter, named once for the host to subscribe.</summary>
public static class ApplicationTelemetry
{
    public const string Name = "Marketplace.Application";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    public static readonly Histogram<double> Duration =
        Meter.CreateHistogram<double>("marketplace.request.duration", unit: "ms", description: "Time to handle one mediator request.");
}
