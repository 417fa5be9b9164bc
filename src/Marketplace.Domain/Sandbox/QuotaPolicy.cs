namespace Marketplace.Domain.Sandbox;

/// <summary>
/// How much sandbox an organisation gets: trials and compute-seconds per UTC day, a token
/// bucket (<see cref="RatePerSecond"/> refill, <see cref="Burst"/> capacity) against bursts, and
/// the text a day's generations may read and write (<see cref="DailyGenerationTokens"/>, prompt and
/// generated tokens together).
/// </summary>
public sealed record QuotaPolicy(int DailyTrials, double DailyComputeSeconds, double RatePerSecond, int Burst, long DailyGenerationTokens = QuotaPolicy.DefaultDailyGenerationTokens)
{
    public const long DefaultDailyGenerationTokens = 200_000;

    public static QuotaPolicy Default { get; } = new(DailyTrials: 500, DailyComputeSeconds: 600, RatePerSecond: 5, Burst: 20);
}

/// <summary>Where an organisation's quota stands; one day at a time.</summary>
public sealed record QuotaUsage
{
    public DateOnly Day { get; init; }

    public int Trials { get; init; }

    /// <summary>Compute of finished trials, as they really used it.</summary>
    public double ComputeSeconds { get; init; }

    /// <summary>Compute held for trials still running: what each is expected to use, settled when it ends.</summary>
    public double ReservedComputeSeconds { get; init; }

    /// <summary>Prompt and generated tokens of finished generations.</summary>
    public long GenerationTokens { get; init; }

    /// <summary>Tokens held for generations still running: prompt and every token they may generate, settled when they end.</summary>
    public long ReservedGenerationTokens { get; init; }

    /// <summary>Tokens left in the rate bucket at <see cref="RefilledAt"/> (not text tokens).</summary>
    public double Tokens { get; init; }

    public DateTimeOffset RefilledAt { get; init; }
}

/// <summary>The answer to "may this trial run now?"; a refusal says when to try again.</summary>
public sealed record QuotaDecision(bool Allowed, QuotaUsage Usage, TimeSpan RetryAfter, string? Reason);

/// <summary>
/// Pure quota arithmetic. A trial is counted when it is admitted, before it runs, and holds the
/// compute it is expected to use until it settles, so that no trial beyond the quota ever executes
/// however many arrive at once (the caller serialises decisions, as a grain does): the settled
/// compute of a day can pass its cap by at most the reservation of the last trial admitted.
/// </summary>
public static class QuotaRules
{
    /// <summary>While running trials hold the rest of the day's compute, a retry soon may fit.</summary>
    public static readonly TimeSpan ReservedRetryAfter = TimeSpan.FromSeconds(1);

    public static QuotaDecision TryAdmit(QuotaPolicy policy, QuotaUsage? usage, DateTimeOffset now, double reserveComputeSeconds = 0, long reserveGenerationTokens = 0)
    {
        var current = Refill(policy, usage, now);
        var nextDay = new DateTimeOffset(current.Day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        if (current.Trials >= policy.DailyTrials)
        {
            return new QuotaDecision(false, current, nextDay - now, $"The daily limit of {policy.DailyTrials} trials is reached; it resets at 00:00 UTC.");
        }
        if (current.ComputeSeconds >= policy.DailyComputeSeconds)
        {
            return new QuotaDecision(false, current, nextDay - now, $"The daily limit of {policy.DailyComputeSeconds:0.###} compute-seconds is reached; it resets at 00:00 UTC.");
        }
        if (current.ComputeSeconds + current.ReservedComputeSeconds >= policy.DailyComputeSeconds)
        {
            return new QuotaDecision(false, current, ReservedRetryAfter,
                $"The rest of today's {policy.DailyComputeSeconds:0.###} compute-seconds is held by trials still running; retry when they finish.");
        }
        if (reserveGenerationTokens > 0)
        {
            if (current.GenerationTokens >= policy.DailyGenerationTokens)
            {
                return new QuotaDecision(false, current, nextDay - now, $"The daily limit of {policy.DailyGenerationTokens:N0} generation tokens is reached; it resets at 00:00 UTC.");
            }
            if (current.GenerationTokens + current.ReservedGenerationTokens >= policy.DailyGenerationTokens)
            {
                return new QuotaDecision(false, current, ReservedRetryAfter,
                    $"The rest of today's {policy.DailyGenerationTokens:N0} generation tokens is held by generations still running; retry when they finish.");
            }
        }
        if (current.Tokens < 1)
        {
            return RateLimited(policy, current);
        }
        var admitted = current with
        {
            Trials = current.Trials + 1,
            Tokens = current.Tokens - 1,
            ReservedComputeSeconds = current.ReservedComputeSeconds + Math.Max(0, reserveComputeSeconds),
            ReservedGenerationTokens = current.ReservedGenerationTokens + Math.Max(0, reserveGenerationTokens),
        };
        return new QuotaDecision(true, admitted, TimeSpan.Zero, null);
    }

    /// <summary>
    /// A repeat of a trial already admitted (its client lost the answer) is not counted again, but
    /// still takes a token, so one idempotency key cannot be replayed faster than the rate allows.
    /// </summary>
    public static QuotaDecision TryReplay(QuotaPolicy policy, QuotaUsage? usage, DateTimeOffset now)
    {
        var current = Refill(policy, usage, now);
        return current.Tokens < 1
            ? RateLimited(policy, current)
            : new QuotaDecision(true, current with { Tokens = current.Tokens - 1 }, TimeSpan.Zero, null);
    }

    /// <summary>
    /// A trial admitted on <paramref name="admittedOn"/> ended: its reservation is released and the
    /// compute it really used is charged. A trial from an earlier day no longer counts today.
    /// </summary>
    public static QuotaUsage Settle(
        QuotaUsage usage, DateOnly admittedOn, double reservedComputeSeconds, double computeSeconds, long reservedGenerationTokens = 0, long generationTokens = 0) =>
        usage.Day != admittedOn
            ? usage
            : usage with
            {
                ReservedComputeSeconds = Math.Max(0, usage.ReservedComputeSeconds - Math.Max(0, reservedComputeSeconds)),
                ComputeSeconds = usage.ComputeSeconds + Math.Max(0, computeSeconds),
                ReservedGenerationTokens = Math.Max(0, usage.ReservedGenerationTokens - Math.Max(0, reservedGenerationTokens)),
                GenerationTokens = usage.GenerationTokens + Math.Max(0, generationTokens),
            };

    public static QuotaUsage Refill(QuotaPolicy policy, QuotaUsage? usage, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (usage is null)
        {
            return new QuotaUsage { Day = today, Tokens = policy.Burst, RefilledAt = now };
        }
        var elapsed = Math.Max(0, (now - usage.RefilledAt).TotalSeconds);
        var tokens = Math.Min(policy.Burst, usage.Tokens + elapsed * policy.RatePerSecond);
        return usage.Day == today
            ? usage with { Tokens = tokens, RefilledAt = now }
            : new QuotaUsage { Day = today, Tokens = tokens, RefilledAt = now };
    }

    private static QuotaDecision RateLimited(QuotaPolicy policy, QuotaUsage current)
    {
        var wait = TimeSpan.FromSeconds((1 - current.Tokens) / policy.RatePerSecond);
        return new QuotaDecision(false, current, wait, $"More than {policy.RatePerSecond:0.#} trials per second; slow down.");
    }
}
