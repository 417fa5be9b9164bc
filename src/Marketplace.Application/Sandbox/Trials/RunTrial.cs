using Orleans.Concurrency;
using System.Security.Cryptography;
using System.Text;
using FluentValidation;
using Marketplace.Abstractions.Errors;
using Marketplace.Abstractions.Sandbox;
using Marketplace.Abstractions.Usage;
using Marketplace.Application.Common.Security;
using Marketplace.Application.Sandbox.Costs;
using Marketplace.Domain.Common;
using Marketplace.Domain.Sandbox;
using Mediator;
using Microsoft.Extensions.Options;
using Marketplace.Domain.Vocabulary;

namespace Marketplace.Application.Sandbox.Trials;

/// <summary>A tensor given to a trial: row-major data with its shape.</summary>
public sealed record TensorBody(IReadOnlyList<long>? Shape, IReadOnlyList<double>? Data);

/// <summary>
/// Any signed-in organisation tries a published model: texts for text models, one image for image
/// models, named tensors for tensor models. Counted against the organisation's quota before it
/// runs, metered once as a usage event, answered with where it ran and what it would cost. With
/// <paramref name="WorkingVersion"/> the owning partner (or a reviewing operator) tries the version
/// under edit or review instead, before buyers can.
/// </summary>
public sealed record RunTrial(
    string ModelId,
    IReadOnlyList<string>? Texts,
    string? ImageBase64,
    IReadOnlyDictionary<string, TensorBody>? Inputs,
    string? IdempotencyKey = null,
    bool WorkingVersion = false) : ICommand<TrialResult>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => WorkingVersion ? Access.Listing(ModelId) : Access.SignedIn;
}

public sealed record TrialResult(
    string TrialId,
    string ModelId,
    string Version,
    TrialOutputs Outputs,
    double LatencyMs,
    double QueueMs,
    int BatchSize,
    string Device,
    string DeviceKind,
    string DeviceName,
    string? FallbackReason,
    IReadOnlyList<CostEstimate> CostEstimates,
    PaidTrial? Paid = null);

/// <summary>
/// A trial beyond the free quota, charged at the model's price per 1,000 inferences and invoiced
/// monthly; <c>warning</c> is set from 80 % of the organisation's spend cap.
/// </summary>
public sealed record PaidTrial(int Inferences, long Per1kMinor, string Currency, long SpentThisMonthMinor, long? MonthlyCapMinor, string? Warning);

public sealed class RunTrialValidator : AbstractValidator<RunTrial>
{
    public RunTrialValidator(IOptions<SandboxOptions> options)
    {
        var o = options.Value;
        RuleFor(t => t).Must(t => new object?[] { t.Texts, t.ImageBase64, t.Inputs }.Count(x => x is not null) == 1)
            .OverridePropertyName("body").WithMessage("Give exactly one of 'texts', 'imageBase64' or 'inputs'.");
        RuleFor(t => t.Texts).Must(l => l is null || (l.Count >= 1 && l.Count <= o.MaxTextsPerTrial))
            .WithMessage($"'texts' holds 1 to {o.MaxTextsPerTrial} texts.");
        RuleForEach(t => t.Texts).NotEmpty().MaximumLength(o.MaxTextLength);
        RuleFor(t => t.ImageBase64).Must(b => b is null || Base64Size(b) is > 0 and var n && n <= o.MaxImageBytes)
            .WithMessage($"'imageBase64' must be a base64-encoded PNG or JPEG of at most {o.MaxImageBytes / (1024 * 1024)} MB.");
        RuleFor(t => t.IdempotencyKey).MaximumLength(255).OverridePropertyName(TrialHeaders.IdempotencyKey)
            .WithMessage($"'{TrialHeaders.IdempotencyKey}' is at most 255 characters.");
        RuleFor(t => t.Inputs).Must(i => i is null || i.Count is >= 1 and <= 16).WithMessage("'inputs' names 1 to 16 tensors.");
        RuleForEach(t => t.Inputs).Must(kv => TensorOk(kv.Value))
            .WithMessage("Each input needs a 'shape' of 1 to 8 positive dimensions and 'data' with exactly their product of values (at most 1,000,000).");
    }

    private static int Base64Size(string text)
    {
        var buffer = new byte[(text.Length * 3 / 4) + 3];
        return Convert.TryFromBase64String(text, buffer, out var written) ? written : -1;
    }

    private static bool TensorOk(TensorBody tensor)
    {
        if (tensor.Shape is not { Count: >= 1 and <= 8 } shape || tensor.Data is null || shape.Any(d => d <= 0))
        {
            return false;
        }
        long product = 1;
        foreach (var d in shape)
        {
            product *= d;
            if (product > 1_000_000)
            {
                return false;
            }
        }
        return product == tensor.Data.Count;
    }
}

public sealed class RunTrialHandler(
    IGrainFactory grains,
    PublishedModels published,
    ISandboxRouting routing,
    CostEstimator costs,
    TrialReservations reservations,
    KeyedTrials keyed,
    IUsageLedger ledger,
    ICallerAccessor callers,
    Catalog.ICatalogSearch catalog,
    TimeProvider time) : ICommandHandler<RunTrial, TrialResult>
{
    public async ValueTask<TrialResult> Handle(RunTrial command, CancellationToken cancellationToken)
    {
        var caller = await callers.GetCallerAsync(cancellationToken);
        var model = command.WorkingVersion
            ? await SandboxModels.WorkingAsync(grains, command.ModelId)
            : await published.GetAsync(command.ModelId);
        var input = InputFor(model, command);
        var organizationId = caller.OrganizationId!;
        if (string.IsNullOrWhiteSpace(command.IdempotencyKey))
        {
            return await RunAsync(new Trial(Identifiers.New("trial"), organizationId, model, input, Fingerprint: "", Keyed: false, command.WorkingVersion));
        }
        // The key names the trial; every request carrying it at once shares one execution here,
        // and the quota grain decides it once across the cluster.
        var trial = new Trial(TrialId(organizationId, command.IdempotencyKey), organizationId, model, input, TrialFingerprint.Of(model, input), Keyed: true, command.WorkingVersion);
        return await keyed.RunOnceAsync(trial.Id, trial.Fingerprint, () => RunAsync(trial));
    }

    private sealed record Trial(string Id, string OrganizationId, SandboxModel Model, TrialInput Input, string Fingerprint, bool Keyed, bool Working = false);

    /// <summary>
    /// Admission decides; for an admitted trial the durable usage row is written while the model
    /// runs, and the answer waits for both. Caller cancellation does not stop a trial once decided,
    /// so a client that gave up cannot leave it half metered.
    /// </summary>
    private async Task<TrialResult> RunAsync(Trial trial)
    {
        var costEstimates = costs.ForModelAsync(trial.Model, CancellationToken.None);
        var reserved = await reservations.SecondsForAsync(trial.Model, InputCount(trial.Input));
        var quota = grains.GetGrain<ISandboxQuotaGrain>(trial.OrganizationId);
        var charge = ChargeFor(trial);
        var admission = await quota.AdmitTrialAsync(new TrialTicket(trial.Id, trial.Model.ListingId, trial.Fingerprint, trial.Keyed, reserved, charge));
        var runner = routing.NextRunner();
        var outcome = admission.Verdict switch
        {
            TrialVerdict.Admitted => await RunMeteredAsync(trial, quota, runner, reserved),
            TrialVerdict.Replay => await RunOnAsync(runner, trial),
            TrialVerdict.Running => throw new ConflictException("sandbox.trial_running", admission.Reason!) { RetryAfter = admission.RetryAfter },
            TrialVerdict.KeyReused => throw KeyedTrials.KeyReused(),
            _ => throw new TooManyRequestsException(admission.Reason!, admission.RetryAfter),
        };
        return new TrialResult(
            trial.Id, trial.Model.ListingId, trial.Model.Version, outcome.Outputs, outcome.LatencyMs, outcome.QueueMs, outcome.BatchSize,
            outcome.DeviceId, outcome.DeviceKind, outcome.DeviceName, outcome.FallbackReason,
            await costEstimates,
            admission.Paid is { } paid && charge is not null
                ? new PaidTrial(charge.Inferences, charge.Per1kMinor, charge.Currency, paid.SpentMinor, paid.CapMinor, paid.Warning)
                : null);
    }

    /// <summary>
    /// What the trial costs if it is beyond the free quota: the published model's price per 1,000
    /// inferences, one inference per input. Models without such a price, and partners trying their
    /// own working version, are never charged (they stop at the free quota).
    /// </summary>
    private Domain.Billing.TrialCharge? ChargeFor(Trial trial) =>
        !trial.Working && catalog.Get(trial.Model.ListingId) is { PriceField: "per1kInferencesMinor", PriceMinor: > 0 } entry
            ? new Domain.Billing.TrialCharge(trial.Id, entry.Id, entry.Name, entry.PartnerId, entry.PartnerName, entry.Currency, entry.PriceMinor!.Value, InputCount(trial.Input))
            : null;

    private async Task<TrialOutcome> RunMeteredAsync(Trial trial, ISandboxQuotaGrain quota, string runner, double reservedSeconds)
    {
        var recorded = ledger.RecordAsync(
            new UsageEvent(trial.Id, trial.OrganizationId, UsageKinds.SandboxTrial, trial.Model.ListingId, reservedSeconds * 1000, ISandboxRunnerGrain.DeviceKindOf(runner), time.GetUtcNow()),
            CancellationToken.None);
        TrialOutcome? outcome = null;
        try
        {
            outcome = await RunOnAsync(runner, trial);
            await recorded;
            return outcome;
        }
        finally
        {
            // A failed run is charged what it reserved, as its ledger row already says; a finished
            // one what it really used, in the quota now and in its row with the next commit.
            var settled = quota.SettleTrialAsync(trial.Id, outcome is null ? reservedSeconds : outcome.ComputeMs / 1000);
            if (outcome is not null && recorded.IsCompletedSuccessfully)
            {
                ledger.Settle(trial.Id, outcome.ComputeMs, outcome.DeviceKind);
            }
            await settled;
        }
    }

    private async Task<TrialOutcome> RunOnAsync(string runner, Trial trial) =>
        (await grains.GetGrain<ISandboxRunnerGrain>(runner).RunTrialAsync(trial.Model.AsImmutable(), trial.Input.AsImmutable())).Value;

    private static int InputCount(TrialInput input) => input.Texts?.Count ?? 1;

    /// <summary>The input must be what the model's adapter reads; saying which field it needs.</summary>
    private static TrialInput InputFor(SandboxModel model, RunTrial command) => model.Spec.Adapter switch
    {
        ModelAdapters.Generate => throw new RequestValidationException("model",
            $"This model generates text: send a prompt to POST /api/v1/sandbox/models/{model.ListingId}/generations instead."),
        ModelAdapters.Text => command.Texts is { } texts
            ? new TrialInput { Texts = texts }
            : throw new RequestValidationException("texts", "This is a text model: send 'texts'."),
        ModelAdapters.Image => command.ImageBase64 is { } image
            ? new TrialInput { Image = Convert.FromBase64String(image) }
            : throw new RequestValidationException("imageBase64", "This is an image model: send 'imageBase64'."),
        _ => command.Inputs is { } inputs
            ? new TrialInput { Tensors = inputs.Select(kv => new TensorValue(kv.Key, kv.Value.Shape!, kv.Value.Data!)).ToList() }
            : throw new RequestValidationException("inputs", "This model takes tensors: send 'inputs'."),
    };

    /// <summary>A client's idempotency key names the trial, so a retried request is metered once.</summary>
    private static string TrialId(string organizationId, string key) =>
        "trial_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(organizationId + "\n" + key)))[..26];
}
