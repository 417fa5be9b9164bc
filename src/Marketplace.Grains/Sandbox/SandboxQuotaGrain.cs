using Marketplace.Abstractions.Sandbox;
using Marketplace.Domain.Sandbox;

namespace Marketplace.Grains.Sandbox;

/// <summary>
/// One organisation's quota. Not reentrant: admissions are decided one at a time, and each is
/// written before it is answered, so concurrent trials can never overrun the quota and an
/// admitted trial survives a crash.
/// </summary>
public sealed class SandboxQuotaGrain(
    [PersistentState("quota", StorageNames.Default)] IPersistentState<SandboxQuotaState> state,
    QuotaPolicy defaultPolicy,
    TimeProvider time) : Grain, ISandboxQuotaGrain
{
    private bool _unsaved;

    private QuotaPolicy Policy => state.State.Policy ?? defaultPolicy;

    public async Task<QuotaDecision> AdmitAsync()
    {
        var decision = QuotaRules.TryAdmit(Policy, state.State.Usage, time.GetUtcNow());
        if (decision.Allowed)
        {
            state.State.Usage = decision.Usage;
            await state.WriteStateAsync();
            _unsaved = false;
        }
        return decision;
    }

    /// <summary>
    /// Compute is added in memory and stored with the next admission (or when the grain goes
    /// idle): the admission count, which guards the quota, is always stored first; only the last
    /// trial's compute could be missed by a crash.
    /// </summary>
    public Task ChargeAsync(DateOnly admittedOn, double computeSeconds)
    {
        var current = QuotaRules.Refill(Policy, state.State.Usage, time.GetUtcNow());
        state.State.Usage = QuotaRules.Charge(current, admittedOn, computeSeconds);
        _unsaved = true;
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_unsaved)
        {
            await state.WriteStateAsync(cancellationToken);
        }
    }

    public Task<QuotaStatus> GetAsync() =>
        Task.FromResult(new QuotaStatus(Policy, QuotaRules.Refill(Policy, state.State.Usage, time.GetUtcNow())));

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
    [Id(0)]
    public QuotaUsage? Usage { get; set; }

    /// <summary>This organisation's own quota, when an operator set one.</summary>
    [Id(1)]
    public QuotaPolicy? Policy { get; set; }
}
