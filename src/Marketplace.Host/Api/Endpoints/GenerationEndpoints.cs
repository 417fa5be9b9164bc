using System.Text;
using System.Text.Json;
using Marketplace.Application.Sandbox.Artifacts;
using Marketplace.Application.Sandbox.Generations;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Marketplace.Host.Api.Endpoints;

/// <summary>The body of a generation: the prompt and how to generate; <c>stream</c> asks for server-sent events.</summary>
public sealed record GenerationRequestBody(
    string? Prompt,
    int? MaxNewTokens,
    double? Temperature,
    double? TopP,
    int? TopK,
    int? Seed,
    IReadOnlyList<string>? Stop,
    bool? Stream);

internal static class GenerationEndpoints
{
    public static void MapGenerationEndpoints(this RouteGroupBuilder api)
    {
        api.MapPut("/listings/{id}/tokenizer", async (string id, HttpRequest request, IMediator m, CancellationToken ct) =>
                {
                    if (!request.HasFormContentType)
                    {
                        throw new BadHttpRequestException("Send the tokenizer as multipart/form-data: vocab.json and merges.txt, or tokenizer.model.", StatusCodes.Status415UnsupportedMediaType);
                    }
                    IFormCollection form;
                    try
                    {
                        form = await request.ReadFormAsync(ct);
                    }
                    catch (Exception e) when (e is InvalidDataException or IOException && !ct.IsCancellationRequested)
                    {
                        // A body that does not follow its own multipart boundary is the client's fault.
                        throw new Abstractions.Errors.RequestValidationException("files", "The multipart body could not be read: " + e.Message);
                    }
                    var files = new List<TokenizerFile>();
                    try
                    {
                        foreach (var file in form.Files)
                        {
                            files.Add(new TokenizerFile(NameOf(file), file.OpenReadStream()));
                        }
                        return TypedResults.Ok(await m.Send(new UploadTokenizer(id, files), ct));
                    }
                    finally
                    {
                        foreach (var file in files)
                        {
                            await file.Content.DisposeAsync();
                        }
                    }
                })
            .DisableAntiforgery()
            .WithTags("Sandbox")
            .WithSummary("Upload a text-generation model's tokenizer as multipart files (owning partner): vocab.json and merges.txt (GPT-2-style byte-level BPE; the 256 byte tokens with no merges will do) or tokenizer.model (SentencePiece). After the decoder file (PUT …/artifact) and this, the listing can be submitted.");
        api.MapPost("/sandbox/models/{id}/generations", GenerateAsync)
            .WithTags("Sandbox")
            .Produces<GenerationAnswer>(StatusCodes.Status200OK, "application/json", "text/event-stream")
            .WithSummary("Generate text with a published text-generation model (any signed-in organisation; ?version=working for the owning partner or an operator). " +
                "\"stream\":true answers text/event-stream: 'token' events ({\"text\",\"ids\"}) as tokens come and a final 'done' event with the same fields as the JSON answer. " +
                "Admitted and metered like a trial (Idempotency-Key makes retries one generation), with its tokens counted against the daily token quota; a client that disconnects cancels it.");
    }

    private static async Task<IResult> GenerateAsync(
        string id, GenerationRequestBody body, string? version, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, IMediator m, HttpContext http)
    {
        // The request's own token: a client that goes away cancels the generation and frees its batch slot.
        var aborted = http.RequestAborted;
        var session = await m.Send(
            new StartGeneration(id, body.Prompt, body.MaxNewTokens, body.Temperature, body.TopP, body.TopK, body.Seed, body.Stop, idempotencyKey, SandboxEndpoints.IsWorkingVersion(version)),
            aborted);
        return body.Stream == true
            ? new GenerationEvents(session)
            : TypedResults.Ok(await session.Completion.WaitAsync(aborted));
    }

    /// <summary>"vocab.json" whether it came as the part's name or as its file name.</summary>
    private static string NameOf(IFormFile file) =>
        file.Name is UploadTokenizer.VocabJson or UploadTokenizer.MergesTxt or UploadTokenizer.TokenizerModel ? file.Name : Path.GetFileName(file.FileName);

    /// <summary>Server-sent events: a 'token' event per chunk as it is generated, then 'done' (or 'error' when the model failed midway).</summary>
    private sealed class GenerationEvents(GenerationSession session) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            var json = http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
            var aborted = http.RequestAborted;
            var response = http.Response;
            response.ContentType = "text/event-stream";
            response.Headers.CacheControl = "no-cache";
            response.Headers["X-Accel-Buffering"] = "no";
            await response.StartAsync(aborted);
            await foreach (var chunk in session.ReadAsync(aborted))
            {
                await WriteAsync(response, "token", new { text = chunk.Text, ids = chunk.Ids }, json, aborted);
            }
            GenerationAnswer answer;
            try
            {
                answer = await session.Completion.WaitAsync(aborted);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The status line is sent; the failure travels as the last event instead.
                var problem = ProblemMapper.Map(e, http);
                await WriteAsync(response, "error", new { status = problem.Status, title = problem.Title, detail = problem.Detail }, json, aborted);
                return;
            }
            await WriteAsync(response, "done", answer, json, aborted);
        }

        private static async Task WriteAsync<T>(HttpResponse response, string name, T data, JsonSerializerOptions json, CancellationToken cancellationToken)
        {
            var payload = $"event: {name}\ndata: {JsonSerializer.Serialize(data, json)}\n\n";
            await response.Body.WriteAsync(Encoding.UTF8.GetBytes(payload), cancellationToken);
            await response.Body.FlushAsync(cancellationToken);
        }
    }
}
