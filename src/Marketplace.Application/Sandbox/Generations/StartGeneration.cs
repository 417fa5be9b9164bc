using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using FluentValidation;
using Marketplace.Abstractions.Errors;
using Marketplace.Abstractions.Sandbox;
using Marketplace.Abstractions.Usage;
using Marketplace.Application.Common.Security;
using Marketplace.Application.Sandbox.Costs;
using Marketplace.Application.Sandbox.Trials;
using Marketplace.Domain.Common;
using Marketplace.Domain.Sandbox;
using Marketplace.Domain.Vocabulary;
using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Marketplace.Application.Sandbox.Generations;

/// <summary>
/// Any signed-in organisation generates text with a published text-generation model (or, with
/// <paramref name="WorkingVersion"/>, its partner tries the version under edit or review). The
/// prompt is tokenised and checked against the context first; then the organisation's quota grain
/// admits it like a trial (counting it and holding its prompt and every token it may generate
/// against the day's tokens), it is metered once as a usage event with its tokens, and it starts.
/// The answer is a session: text as it comes, then usage, timings and cost per 1M tokens.
/// </summary>
public sealed record StartGeneration(
    string ModelId,
    string? Prompt,
    int? MaxNewTokens = null,
    double? Temperature = null,
    double? TopP = null,
    int? TopK = null,
    int? Seed = null,
    IReadOnlyList<string>? Stop = null,
    string? IdempotencyKey = null,
    bool WorkingVersion = false) : ICommand<GenerationSession>, IAuthorizedRequest
{
    public const int DefaultMaxNewTokens = 64;

    Access IAuthorizedRequest.Access => WorkingVersion ? Access.Listing(ModelId) : Access.SignedIn;
}

public sealed class StartGenerationValidator : AbstractValidator<StartGeneration>
{
    public StartGenerationValidator(IOptions<SandboxOptions> options)
    {
        var o = options.Value;
        RuleFor(c => c.Prompt).NotEmpty().MaximumLength(o.MaxPromptLength);
        RuleFor(c => c.MaxNewTokens).InclusiveBetween(1, o.MaxNewTokens);
        RuleFor(c => c.Temperature).InclusiveBetween(0, 2);
        RuleFor(c => c.TopP).GreaterThan(0).LessThanOrEqualTo(1);
        RuleFor(c => c.TopK).InclusiveBetween(0, 1000);
        RuleFor(c => c.Stop).Must(s => s is null || s.Count <= 4).WithMessage("'stop' holds at most 4 sequences.");
        RuleForEach(c => c.Stop).NotEmpty().MaximumLength(100);
        RuleFor(c => c.IdempotencyKey).MaximumLength(255).OverridePropertyName(TrialHeaders.IdempotencyKey)
            .WithMessage($"'{TrialHeaders.IdempotencyKey}' is at most 255 characters.");
    }
}

public sealed partial class StartGenerationHandler(
    IGrainFactory grains,
    PublishedModels published,
    ISandboxGenerator generator,
    TokenCostEstimator costs,
    KeyedGenerations keyed,
    IUsageLedger ledger,
    ICallerAccessor callers,
    IOptions<SandboxOptions> options,
    TimeProvider time,
    ILogger<StartGenerationHandler> logger) : ICommandHandler<StartGeneration, GenerationSession>
{
    public async ValueTask<GenerationSession> Handle(StartGeneration command, CancellationToken cancellationToken)
    {
        var caller = await callers.GetCallerAsync(cancellationToken);
        var model = command.WorkingVersion
            ? await SandboxModels.WorkingAsync(grains, command.ModelId)
            : await published.GetAsync(command.ModelId);
        if (model.Spec.Adapter != ModelAdapters.Generate)
        {
            throw new RequestValidationException("model",
                $"This model does not generate text: try it with POST /api/v1/sandbox/models/{command.ModelId}/trials ({ModelAdapters.All.LabelOf(model.Spec.Adapter ?? ModelAdapters.Tensor).ToLowerInvariant()} input).");
        }
        var organizationId = caller.OrganizationId!;
        if (string.IsNullOrWhiteSpace(command.IdempotencyKey))
        {
            var generation = new Generation(Identifiers.New("gen"), organizationId, model, InputOf(command, null), Fingerprint: "", Keyed: false);
            return await KeyedGenerations.StartAloneAsync(token => StartAsync(generation, token), cancellationToken);
        }
        var id = GenerationId(organizationId, command.IdempotencyKey);
        var input = InputOf(command, id);
        var keyedGeneration = new Generation(id, organizationId, model, input, Fingerprint(model, input), Keyed: true);
        return await keyed.JoinOrStartAsync(id, keyedGeneration.Fingerprint, token => StartAsync(keyedGeneration, token), cancellationToken);
    }

    private sealed record Generation(string Id, string OrganizationId, SandboxModel Model, GenerationInput Input, string Fingerprint, bool Keyed);

    private GenerationInput InputOf(StartGeneration c, string? keyedId)
    {
        var temperature = c.Temperature ?? 0;
        return new GenerationInput
        {
            Prompt = c.Prompt!,
            MaxNewTokens = c.MaxNewTokens ?? StartGeneration.DefaultMaxNewTokens,
            Temperature = temperature,
            TopP = c.TopP ?? 1,
            TopK = c.TopK ?? 0,
            // A keyed sampled generation without a seed takes one from its key, so a retry writes the same text.
            Seed = c.Seed ?? (keyedId is not null && temperature > 0 ? SeedOf(keyedId) : null),
            Stop = c.Stop ?? [],
            Deadline = TimeSpan.FromSeconds(options.Value.GenerationDeadlineSeconds),
        };
    }

    /// <summary>
    /// Admission decides. An admitted generation's usage row (its prompt tokens and every token it
    /// may generate) is durable before the first token is answered, and is settled to what it
    /// generated when it ends, however it ends; a retry of a finished one runs again unmetered.
    /// </summary>
    private async Task<GenerationSession> StartAsync(Generation g, CancellationToken cancellation)
    {
        var prepared = await generator.PrepareAsync(g.Model, g.Input, cancellation);
        var costEstimates = costs.ForModelAsync(g.Model, CancellationToken.None);
        var o = options.Value;
        var reservedSeconds = Math.Min(o.GenerationDeadlineSeconds, prepared.MostTokens * o.GenerationReservedSecondsPerToken);
        var quota = grains.GetGrain<ISandboxQuotaGrain>(g.OrganizationId);
        // No charge: a model's price is per 1k inferences, which says nothing about tokens, so a
        // generation past the free daily quota is refused rather than billed (per-token trial
        // pricing is not built yet).
        var admission = await quota.AdmitTrialAsync(new TrialTicket(g.Id, g.Model.ListingId, g.Fingerprint, g.Keyed, reservedSeconds, Charge: null, prepared.MostTokens));
        return admission.Verdict switch
        {
            TrialVerdict.Admitted => await StartMeteredAsync(g, prepared, quota, reservedSeconds, costEstimates, cancellation),
            TrialVerdict.Replay => await StartUnmeteredAsync(g, prepared, costEstimates, cancellation),
            TrialVerdict.Running => throw new ConflictException("sandbox.trial_running", "This generation is still running; retry in a moment for its answer.") { RetryAfter = admission.RetryAfter },
            TrialVerdict.KeyReused => throw KeyedTrials.KeyReused(),
            _ => throw new TooManyRequestsException(admission.Reason!, admission.RetryAfter),
        };
    }

    private async Task<GenerationSession> StartMeteredAsync(
        Generation g, PreparedGeneration prepared, ISandboxQuotaGrain quota, double reservedSeconds, Task<IReadOnlyList<TokenCostEstimate>> costEstimates, CancellationToken cancellation)
    {
        IGenerationRun run;
        try
        {
            run = await generator.StartAsync(prepared, cancellation);
            await ledger.RecordAsync(
                new UsageEvent(g.Id, g.OrganizationId, UsageKinds.SandboxGeneration, g.Model.ListingId, reservedSeconds * 1000, run.DeviceKind, time.GetUtcNow(),
                    prepared.PromptTokens.Count, prepared.MaxNewTokens),
                CancellationToken.None);
        }
        catch
        {
            // Not started, or started without a durable row: it ends here, charged what it reserved.
            await quota.SettleGenerationAsync(g.Id, reservedSeconds, prepared.MostTokens);
            throw;
        }
        var completion = FinishMeteredAsync(g, prepared, run, quota, reservedSeconds, costEstimates);
        return new GenerationSession(run.ReadAsync, completion, run.Cancel);
    }

    private async Task<GenerationAnswer> FinishMeteredAsync(
        Generation g, PreparedGeneration prepared, IGenerationRun run, ISandboxQuotaGrain quota, double reservedSeconds, Task<IReadOnlyList<TokenCostEstimate>> costEstimates)
    {
        GenerationOutcome? outcome = null;
        try
        {
            outcome = await run.Completion;
        }
        catch (Exception e)
        {
            LogFailed(e, g.Id, g.Model.ListingId);
            throw;
        }
        finally
        {
            // A failed run is charged what it reserved, as its ledger row already says; a finished
            // one (cancelled included) what it really used, in the quota now and in its row with the next commit.
            var settled = outcome is null
                ? quota.SettleGenerationAsync(g.Id, reservedSeconds, prepared.MostTokens)
                : quota.SettleGenerationAsync(g.Id, outcome.ComputeMs / 1000, outcome.InputTokens + outcome.OutputTokens);
            if (outcome is not null)
            {
                ledger.Settle(g.Id, outcome.ComputeMs, outcome.DeviceKind, outcome.OutputTokens);
            }
            await settled;
        }
        return Answer(g, outcome!, await costEstimates, replay: false);
    }

    private async Task<GenerationSession> StartUnmeteredAsync(Generation g, PreparedGeneration prepared, Task<IReadOnlyList<TokenCostEstimate>> costEstimates, CancellationToken cancellation)
    {
        var run = await generator.StartAsync(prepared, cancellation);
        var completion = FinishUnmeteredAsync(g, run, costEstimates);
        return new GenerationSession(run.ReadAsync, completion, run.Cancel);
    }

    private static async Task<GenerationAnswer> FinishUnmeteredAsync(Generation g, IGenerationRun run, Task<IReadOnlyList<TokenCostEstimate>> costEstimates) =>
        Answer(g, await run.Completion, await costEstimates, replay: true);

    private static GenerationAnswer Answer(Generation g, GenerationOutcome o, IReadOnlyList<TokenCostEstimate> costEstimates, bool replay) => new(
        g.Id, g.Model.ListingId, g.Model.Version, o.Text, o.Tokens, o.FinishReason, new TokenUsage(o.InputTokens, o.OutputTokens),
        Math.Round(o.TimeToFirstTokenMs, 3), Math.Round(o.DecodeTokensPerSecond, 3), Math.Round(o.QueueMs, 3), Math.Round(o.PrefillMs, 3), Math.Round(o.DecodeMs, 3), Math.Round(o.TotalMs, 3),
        o.DeviceId, o.DeviceKind, o.DeviceName, o.FallbackReason, o.Seed, costEstimates, replay);

    /// <summary>A client's idempotency key names the generation, so a retried request is metered once.</summary>
    private static string GenerationId(string organizationId, string key) =>
        "gen_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(organizationId + "\ngeneration\n" + key)))[..26];

    private static int SeedOf(string generationId) =>
        BinaryPrimitives.ReadInt32LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(generationId))) & int.MaxValue;

    /// <summary>What the generation runs, as a hash: a key sent again with another request is told apart from a retry.</summary>
    private static string Fingerprint(SandboxModel model, GenerationInput input)
    {
        var text = string.Join('\u0001', [
            model.ListingId, model.Version, input.Prompt,
            input.MaxNewTokens.ToString(System.Globalization.CultureInfo.InvariantCulture),
            input.Temperature.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            input.TopP.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            input.TopK.ToString(System.Globalization.CultureInfo.InvariantCulture),
            input.Seed?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            .. input.Stop.Select(s => s.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + s)]);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Generation {GenerationId} of {ListingId} failed")]
    private partial void LogFailed(Exception exception, string generationId, string listingId);
}
