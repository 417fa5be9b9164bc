using Marketplace.Abstractions.Sandbox;
using Marketplace.Abstractions.Usage;
using Marketplace.Domain.Sandbox;

namespace Marketplace.Grains.Sandbox;

/// <summary>
/// One organisation's quota. Not reentrant: admissions are decided one at a time in memory, so
/// concurrent trials can never overrun it. The counts are not written per trial: the usage
/// ledger, where every finished trial is a durable row, is the record, and a new activation
/// (after a restart, say) starts from today's rows there. Only an operator's own policy is stored.
/// </summary>
public sealed class SandboxQuotaGrain(
    [PersistentState("quota", StorageNames.Default)] IPersistentState<SandboxQuotaState> state,
    IUsageLedger ledger,
    QuotaPolicy defaultPolicy,
    TimeProvider time) : Grain, ISandboxQuotaGrain
{
    private QuotaUsage? _usage;

    private QuotaPolicy Policy => state.State.Policy ?? defaultPolicy;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var (count, computeMs) = await ledger.TotalsAsync(this.GetPrimaryKeyString(), UsageKinds.SandboxTrial, today, cancellationToken);
        _usage = QuotaRules.Refill(Policy, null, now) with { Trials = count, ComputeSeconds = computeMs / 1000 };
    }

    public Task<QuotaDecision> AdmitAsync()
    {
        var decision = QuotaRules.TryAdmit(Policy, _usage, time.GetUtcNow());
        if (decision.Allowed)
        {
            _usage = decision.Usage;
        }
        return Task.FromResult(decision);
    }

    public Task ChargeAsync(DateOnly admittedOn, double computeSeconds)
    {
        _usage = QuotaRules.Charge(QuotaRules.Refill(Policy, _usage, time.GetUtcNow()), admittedOn, computeSeconds);
        return Task.CompletedTask;
    }

    public Task<QuotaStatus> GetAsync() =>
        Task.FromResult(new QuotaStatus(Policy, QuotaRules.Refill(Policy, _usage, time.GetUtcNow())));

    public async Task<QuotaStatus> SetPolicyAsync(QuotaPolicy? policy)
    {
        state.State.Policy = policy;
        await state.WriteStateAsync();
        return await GetAsync();
    }
}

[GenerateSerializer, Alias("Marketplace.SandboxQuotaState")]
public sealed class SandboxQuotaState
{
    /// <summary>This organisation's own quota, when an operator set one.</summary>
    [Id(1)]
    public QuotaPolicy? Policy { get; set; }
}
