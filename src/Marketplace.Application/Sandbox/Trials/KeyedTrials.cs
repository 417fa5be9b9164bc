using System.Collections.Concurrent;
using Marketplace.Abstractions.Errors;

namespace Marketplace.Application.Sandbox.Trials;

/// <summary>
/// Requests with one idempotency key that reach this silo at the same time share one execution
/// and all get its answer, rather than all but one being told to retry. Across silos the quota
/// grain still decides the trial once; a request elsewhere is told it is running.
/// </summary>
public sealed class KeyedTrials
{
    private readonly ConcurrentDictionary<string, Shared> _running = new(StringComparer.Ordinal);

    public Task<TrialResult> RunOnceAsync(string trialId, string fingerprint, Func<Task<TrialResult>> run)
    {
        Shared? mine = null;
        mine = new Shared(fingerprint, new Lazy<Task<TrialResult>>(() => RunThenForgetAsync(trialId, mine!, run)));
        var shared = _running.GetOrAdd(trialId, mine);
        if (shared.Fingerprint != fingerprint)
        {
            throw KeyReused();
        }
        return shared.Execution.Value;
    }

    public static RequestValidationException KeyReused() =>
        new(TrialHeaders.IdempotencyKey, "This Idempotency-Key was first used for a different request; send a new key for a new trial.");

    private async Task<TrialResult> RunThenForgetAsync(string trialId, Shared shared, Func<Task<TrialResult>> run)
    {
        try
        {
            return await run();
        }
        finally
        {
            _running.TryRemove(new KeyValuePair<string, Shared>(trialId, shared));
        }
    }

    private sealed record Shared(string Fingerprint, Lazy<Task<TrialResult>> Execution);
}

/// <summary>Header names a trial request reads, as problem details name them.</summary>
public static class TrialHeaders
{
    public const string IdempotencyKey = "Idempotency-Key";
}
