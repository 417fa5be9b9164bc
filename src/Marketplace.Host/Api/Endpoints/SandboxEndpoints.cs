using Marketplace.Abstractions.Errors;
using Marketplace.Application.Sandbox;
using Marketplace.Application.Sandbox.Artifacts;
using Marketplace.Application.Sandbox.Benchmarks;
using Marketplace.Application.Sandbox.Trials;
using Marketplace.Application.Sandbox.Usage;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Marketplace.Host.Api.Endpoints;

/// <summary>The body of a trial: exactly one of texts, imageBase64 or inputs, as the model's adapter reads.</summary>
public sealed record TrialRequest(IReadOnlyList<string>? Texts, string? ImageBase64, IReadOnlyDictionary<string, TensorBody>? Inputs);

public sealed record SandboxQuotaRequest(int? DailyTrials, double? DailyComputeSeconds, double? TrialsPerSecond, int? Burst, bool? Reset, long? DailyGenerationTokens = null);

internal static class SandboxEndpoints
{
    public static void MapSandboxEndpoints(this RouteGroupBuilder api, IOptions<SandboxOptions> options)
    {
        api.MapPut("/listings/{id}/artifact", async (string id, HttpRequest request, IMediator m, CancellationToken ct) =>
            {
                RequireOctetStream(request);
                try
                {
                    return TypedResults.Ok(await m.Send(new UploadModelArtifact(id, request.Body), ct));
                }
                catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
                {
                    // Kestrel's own cap (declared length past the limit) answers like the store's count does.
                    throw UploadModelArtifact.TooLarge(options.Value.MaxArtifactBytes);
                }
            })
            .WithMetadata(new RequestSizeLimitAttribute(options.Value.MaxArtifactBytes + 1))
            .WithTags("Sandbox")
            .WithSummary("Upload a model listing's ONNX file as application/octet-stream (owning partner). It is validated in an isolated worker process; the answer says Valid or Invalid with reasons, inputs and outputs.");
        api.MapPut("/listings/{id}/vocabulary", async (string id, HttpRequest request, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new UploadVocabulary(id, request.Body), ct)))
            .WithTags("Sandbox")
            .WithSummary("Upload the WordPiece vocabulary (vocab.txt) a text model tokenises with (owning partner).");
        api.MapPost("/listings/{id}/benchmarks", async (string id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new RunModelBenchmark(id), ct)))
            .WithTags("Sandbox")
            .WithSummary("Measure latency percentiles and throughput, batch 1 and batched, on every device class of the cluster (owning partner or operator).");
        api.MapGet("/catalog/items/{id}/performance", async (string id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetModelPerformance(id), ct)))
            .WithTags("Catalog")
            .WithSummary("A published model's measured benchmarks per device and its cost per 1k inferences on every hardware offering (Measured or Estimated).");
        api.MapPost("/sandbox/models/{id}/trials", async (string id, TrialRequest body, string? version, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new RunTrial(id, body.Texts, body.ImageBase64, body.Inputs, idempotencyKey, IsWorkingVersion(version)), ct)))
            .WithTags("Sandbox")
            .WithSummary("Try a published model (any signed-in organisation), or with ?version=working the version its partner is editing or that is in review (owning partner or operator). Counts against the daily quota (429 with Retry-After when exceeded); metered once per trial (Idempotency-Key makes retries one trial).");
        api.MapGet("/organizations/{id}/sandbox-usage", async (string id, DateTimeOffset? since, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetSandboxUsage(id, since), ct)))
            .WithTags("Sandbox")
            .WithSummary("The organisation's sandbox quota and metered usage events.");
        api.MapPut("/admin/organizations/{id}/sandbox-quota", async (string id, SandboxQuotaRequest body, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new SetSandboxQuota(id, body.DailyTrials, body.DailyComputeSeconds, body.TrialsPerSecond, body.Burst, body.Reset ?? false, body.DailyGenerationTokens), ct)))
            .WithTags("Operator: organizations")
            .WithSummary("Give an organisation its own sandbox quota, or {\"reset\":true} for the default (operator owner).");
    }

    internal static bool IsWorkingVersion(string? version) => version?.Trim().ToLowerInvariant() switch
    {
        null or "" or "published" => false,
        "working" => true,
        _ => throw new RequestValidationException("version", "'version' is 'published' (the default) or 'working' (the version its partner is editing or that is in review)."),
    };

    private static void RequireOctetStream(HttpRequest request)
    {
        if (!string.Equals(request.ContentType?.Split(';')[0].Trim(), "application/octet-stream", StringComparison.OrdinalIgnoreCase))
        {
            throw new BadHttpRequestException("Send the model file as application/octet-stream.", StatusCodes.Status415UnsupportedMediaType);
        }
    }
}
