using Marketplace.Abstractions.Billing;
using Marketplace.Abstractions.Sandbox;
using Marketplace.Domain.Billing;
using Marketplace.Abstractions.Usage;
using Marketplace.Domain.Sandbox;

namespace Marketplace.Grains.Sandbox;

/// <summary>
/// One organisation's quota, and the single place a trial is decided. Not reentrant: admissions
/// are decided one at a time in memory, so concurrent trials can never overrun the quota, and
/// concurrent requests with one idempotency key see exactly one admission. The counts are not
/// written per trial: the usage ledger, where every admitted trial is a durable row, is the
/// record, and a new activation (after a restart, say) starts from today's rows there. Only an
/// operator's own policy is stored.
/// </summary>
public sealed class SandboxQuotaGrain(
    [PersistentState("quota", StorageNames.Default)] IPersistentState<SandboxQuotaState> state,
    IUsageLedger ledger,
    QuotaPolicy defaultPolicy,
    TimeProvider time) : Grain, ISandboxQuotaGrain
{
    /// <summary>Far beyond any trial deadline.</summary>
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(10);

    private readonly Dictionary<string, RunningTrial> _running = new(StringComparer.Ordinal);
    private readonly RecentTrials _finished = new(capacity: 10_000);
    private QuotaUsage? _usage;

    private QuotaPolicy Policy => state.State.Policy ?? defaultPolicy;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var totals = await ledger.TotalsAsync(this.GetPrimaryKeyString(), UsageKinds.Trials, today, cancellationToken);
        _usage = QuotaRules.Refill(Policy, null, now) with { Trials = totals.Count, ComputeSeconds = totals.ComputeMs / 1000, GenerationTokens = totals.Tokens };
    }

    public async Task<TrialAdmission> AdmitTrialAsync(TrialTicket ticket)
    {
        SettleAbandoned();
        if (_running.TryGetValue(ticket.TrialId, out var running))
        {
            return running.Fingerprint == ticket.Fingerprint
                ? new TrialAdmission(TrialVerdict.Running, "This trial is still running; retry in a moment for its answer.", QuotaRules.ReservedRetryAfter)
                : KeyReused();
        }
        var finished = _finished.Find(ticket.TrialId) ?? await FinishedBeforeThisActivationAsync(ticket);
        if (finished is not null)
        {
            // Only the model is recorded in the ledger; within an activation the whole request is compared.
            var same = finished.Fingerprint is null ? finished.ListingId == ticket.ListingId : finished.Fingerprint == ticket.Fingerprint;
            return same ? Decide(QuotaRules.TryReplay(Policy, _usage, time.GetUtcNow()), TrialVerdict.Replay) : KeyReused();
        }
        var decision = QuotaRules.TryAdmit(Policy, _usage, time.GetUtcNow(), ticket.ReserveComputeSeconds, ticket.ReserveGenerationTokens);
        SpendDecision? paid = null;
        if (!decision.Allowed && ticket.Charge is { } charge && decision.Usage.Trials >= Policy.DailyTrials)
        {
            // The free trials of the day are used: past them a trial is paid for, within the
            // customer's spend cap, and still held to the compute and rate limits.
            decision = QuotaRules.TryAdmit(Policy with { DailyTrials = int.MaxValue }, _usage, time.GetUtcNow(), ticket.ReserveComputeSeconds, ticket.ReserveGenerationTokens);
            if (decision.Allowed)
            {
                paid = await GrainFactory.GetGrain<ITrialSpendGrain>(this.GetPrimaryKeyString()).ChargeAsync(charge);
                if (!paid.Allowed)
                {
                    return new TrialAdmission(TrialVerdict.Refused, paid.Reason, SpendCaps.MonthEnd(time.GetUtcNow()) - time.GetUtcNow(), paid);
                }
            }
        }
        if (decision.Allowed)
        {
            _running[ticket.TrialId] = new RunningTrial(ticket.Fingerprint, ticket.ListingId, decision.Usage.Day, ticket.ReserveComputeSeconds, ticket.ReserveGenerationTokens, time.GetUtcNow());
        }
        return Decide(decision, TrialVerdict.Admitted) with { Paid = paid };
    }

    public Task SettleTrialAsync(string trialId, double computeSeconds)
    {
        Settle(trialId, computeSeconds, 0);
        return Task.CompletedTask;
    }

    public Task SettleGenerationAsync(string generationId, double computeSeconds, long tokens)
    {
        Settle(generationId, computeSeconds, tokens);
        return Task.CompletedTask;
    }

    private void Settle(string trialId, double computeSeconds, long tokens)
    {
        if (_running.Remove(trialId, out var trial))
        {
            _usage = QuotaRules.Settle(QuotaRules.Refill(Policy, _usage, time.GetUtcNow()), trial.Day, trial.ReservedSeconds, computeSeconds, trial.ReservedTokens, tokens);
            _finished.Add(trialId, new FinishedTrial(trial.ListingId, trial.Fingerprint));
        }
    }

    public Task<QuotaStatus> GetAsync() =>
        Task.FromResult(new QuotaStatus(Policy, QuotaRules.Refill(Policy, _usage, time.GetUtcNow())));

    public async Task<QuotaStatus> SetPolicyAsync(QuotaPolicy? policy)
    {
        state.State.Policy = policy;
        await state.WriteStateAsync();
        return await GetAsync();
    }

    /// <summary>
    /// A keyed trial this activation has not seen may have been metered before it (a restart, or a
    /// retry days later): the ledger row says so. Unkeyed trials have fresh ids and skip the read.
    /// </summary>
    private async Task<FinishedTrial?> FinishedBeforeThisActivationAsync(TrialTicket ticket)
    {
        if (!ticket.Keyed || await ledger.FindAsync(ticket.TrialId, CancellationToken.None) is not { } row)
        {
            return null;
        }
        var finished = new FinishedTrial(row.ListingId, null);
        _finished.Add(ticket.TrialId, finished);
        return finished;
    }

    /// <summary>
    /// A trial whose silo died never settles; long past any deadline it is charged what it
    /// reserved (as its ledger row says), so its key and its reservation do not stay held.
    /// </summary>
    private void SettleAbandoned()
    {
        var now = time.GetUtcNow();
        foreach (var (trialId, trial) in _running.Where(r => now - r.Value.AdmittedAt > AbandonedAfter).ToList())
        {
            Settle(trialId, trial.ReservedSeconds, trial.ReservedTokens);
        }
    }

    private TrialAdmission Decide(QuotaDecision decision, TrialVerdict verdict)
    {
        _usage = decision.Usage;
        return decision.Allowed ? new TrialAdmission(verdict) : new TrialAdmission(TrialVerdict.Refused, decision.Reason, decision.RetryAfter);
    }

    private static TrialAdmission KeyReused() =>
        new(TrialVerdict.KeyReused, "This Idempotency-Key was first used for a different request; send a new key for a new trial.");

    private sealed record RunningTrial(string Fingerprint, string ListingId, DateOnly Day, double ReservedSeconds, long ReservedTokens, DateTimeOffset AdmittedAt);
}

/// <summary>A finished trial as far as retries need it; the fingerprint is unknown for trials from before this activation.</summary>
internal sealed record FinishedTrial(string ListingId, string? Fingerprint);

/// <summary>The most recent finished trials, oldest forgotten first (the ledger still answers for them).</summary>
internal sealed class RecentTrials(int capacity)
{
    private readonly Dictionary<string, FinishedTrial> _byId = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public FinishedTrial? Find(string trialId) => _byId.GetValueOrDefault(trialId);

    public void Add(string trialId, FinishedTrial trial)
    {
        if (!_byId.TryAdd(trialId, trial))
        {
            return;
        }
        _order.Enqueue(trialId);
        if (_order.Count > capacity)
        {
            _byId.Remove(_order.Dequeue());
        }
    }
}

[GenerateSerializer, Alias("Marketplace.SandboxQuotaState")]
public sealed class SandboxQuotaState
{
    /// <summary>This organisation's own quota, when an operator set one.</summary>
    [Id(1)]
    public QuotaPolicy? Policy { get; set; }
}
