using System.Text.Json;
using Marketplace.Abstractions.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Orleans.Storage;

namespace Marketplace.Host.Api;

/// <summary>
/// Turns every error a request can meet into RFC 9457 problem details with the right status:
/// the one place where exceptions become HTTP, so no request answers with a bare 500.
/// </summary>
internal sealed partial class ProblemMapper(IProblemDetailsService problems, ILogger<ProblemMapper> logger) : IExceptionHandler
{
    private const string TypeBase = "https://marketplace.example/problems/";

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested)
        {
            return true;
        }
        var problem = Map(exception, context);
        if (problem.Status >= 500)
        {
            LogUnexpected(exception, context.Request.Method, context.Request.Path);
        }
        context.Response.StatusCode = problem.Status ?? 500;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    public static ProblemDetails Map(Exception exception, HttpContext context)
    {
        switch (exception)
        {
            case RequestValidationException validation:
                return new HttpValidationProblemDetails(validation.Errors.ToDictionary(e => e.Key, e => e.Value))
                {
                    Status = 400, Title = "The request is invalid.", Detail = validation.Message, Type = TypeBase + "validation",
                };
            case BadHttpRequestException bad:
                return FromBadRequest(bad);
            case UnauthenticatedException e:
                context.Response.Headers.WWWAuthenticate = "Bearer";
                return Problem(401, "Authentication required.", e);
            case ForbiddenException e:
                return Problem(403, "Forbidden.", e);
            case NotFoundException e:
                return Problem(404, "Not found.", e);
            case ConflictException e:
                if (e.RetryAfter is { } retryAfter)
                {
                    SetRetryAfter(context, retryAfter);
                }
                var conflict = Problem(409, "Conflict.", e);
                if (e.Details.Count > 0)
                {
                    conflict.Extensions["details"] = e.Details;
                }
                return conflict;
            case TooManyRequestsException e:
                SetRetryAfter(context, e.RetryAfter);
                return Problem(429, "Too many requests.", e);
            case InconsistentStateException:
                return new ProblemDetails
                {
                    Status = 409, Title = "Conflict.", Type = TypeBase + "concurrent_update",
                    Detail = "Someone else changed this at the same moment; read it again and retry.",
                };
            case Connectors.Documents.DocumentFontsMissingException e:
                return new ProblemDetails { Status = 503, Title = "Documents cannot be printed here.", Type = TypeBase + "documents_unavailable", Detail = e.Message };
            case TimeoutException or Orleans.Runtime.SiloUnavailableException or Orleans.Runtime.OrleansMessageRejectionException:
                context.Response.Headers.RetryAfter = "1";
                return new ProblemDetails
                {
                    Status = 503, Title = "Temporarily unavailable.", Type = TypeBase + "unavailable",
                    Detail = "The cluster is changing shape; retry in a moment.",
                };
            default:
                return new ProblemDetails
                {
                    Status = 500, Title = "Unexpected error.", Type = TypeBase + "internal",
                    Detail = "The error was logged; quote the trace id when reporting it.",
                };
        }
    }

    private static void SetRetryAfter(HttpContext context, TimeSpan retryAfter) =>
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static ProblemDetails Problem(int status, string title, MarketplaceException e) => new()
    {
        Status = status,
        Title = title,
        Detail = e.Message,
        Type = TypeBase + e.Code,
        Extensions = { ["code"] = e.Code },
    };

    /// <summary>Body-binding failures: name the JSON field that could not be read.</summary>
    private static ProblemDetails FromBadRequest(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
        {
            // The reader's own exception inside means the text is not JSON at all, which is the
            // body's fault; otherwise a value at that path has the wrong shape.
            var field = json.InnerException is JsonException ? "body" : FieldFromJsonPath(json.Path);
            return new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                [field] = [field == "body" ? "The body is not valid JSON." : $"'{field}' has a value of the wrong type or format."],
            })
            {
                Status = 400, Title = "The request is invalid.", Type = TypeBase + "validation",
                Detail = "The body could not be read as JSON of the expected shape.",
            };
        }
        if (bad.StatusCode == 400 && bad.Message.Contains("no body was provided", StringComparison.Ordinal))
        {
            // The framework's wording ("Implicit body inferred … Did you mean to use a Service?") is for developers.
            return new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["body"] = ["A JSON body is required."] })
            {
                Status = 400, Title = "The request is invalid.", Type = TypeBase + "validation", Detail = "A JSON body is required.",
            };
        }
        if (bad.StatusCode == 400)
        {
            return new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["body"] = [bad.Message] })
            {
                Status = 400, Title = "The request is invalid.", Type = TypeBase + "validation", Detail = bad.Message,
            };
        }
        return new ProblemDetails { Status = bad.StatusCode, Title = "The request cannot be processed.", Detail = bad.Message, Type = TypeBase + "bad_request" };
    }

    /// <summary>"$.pricing.currency" → "pricing.currency"; "$" (or nothing) → "body".</summary>
    public static string FieldFromJsonPath(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "body";
        }
        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return field.Length == 0 ? "body" : char.ToLowerInvariant(field[0]) + field[1..];
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Method} {Path}")]
    private partial void LogUnexpected(Exception exception, string method, string path);
}
