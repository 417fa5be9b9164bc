namespace Marketplace.Domain.Sandbox;

/// <summary>
/// How much sandbox an organisation gets: trials and compute-seconds per UTC day, and a token
/// bucket (<see cref="RatePerSecond"/> refill, <see cref="Burst"/> capacity) against bursts.
/// </summary>
public sealed record QuotaPolicy(int DailyTrials, double DailyComputeSeconds, double RatePerSecond, int Burst)
{
    public static QuotaPolicy Default { get; } = new(DailyTrials: 500, DailyComputeSeconds: 600, RatePerSecond: 5, Burst: 20);
}

/// <summary>Where an organisation's quota stands; one day at a time.</summary>
public sealed record QuotaUsage
{
    public DateOnly Day { get; init; }

    public int Trials { get; init; }

    public double ComputeSeconds { get; init; }

    /// <summary>Tokens left in the bucket at <see cref="RefilledAt"/>.</summary>
    public double Tokens { get; init; }

    public DateTimeOffset RefilledAt { get; init; }
}

/// <summary>The answer to "may this trial run now?"; a refusal says when to try again.</summary>
public sealed record QuotaDecision(bool Allowed, QuotaUsage Usage, TimeSpan RetryAfter, string? Reason);

/// <summary>
/// Pure quota arithmetic. A trial is counted when it is admitted, before it runs, so that no
/// trial beyond the quota ever executes however many arrive at once (the caller serialises
/// decisions, as a grain does).
/// </summary>
public static class QuotaRules
{
    public static QuotaDecision TryAdmit(QuotaPolicy policy, QuotaUsage? usage, DateTimeOffset now)
    {
        var current = Refill(policy, usage, now);
        var nextDay = new DateTimeOffset(current.Day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        if (current.Trials >= policy.DailyTrials)
        {
            return new QuotaDecision(false, current, nextDay - now, $"The daily limit of {policy.DailyTrials} trials is reached; it resets at 00:00 UTC.");
        }
        if (current.ComputeSeconds >= policy.DailyComputeSeconds)
        {
            return new QuotaDecision(false, current, nextDay - now, $"The daily limit of {policy.DailyComputeSeconds:0.#} compute-seconds is reached; it resets at 00:00 UTC.");
        }
        if (current.Tokens < 1)
        {
            var wait = TimeSpan.FromSeconds((1 - current.Tokens) / policy.RatePerSecond);
            return new QuotaDecision(false, current, wait, $"More than {policy.RatePerSecond:0.#} trials per second; slow down.");
        }
        var admitted = current with { Trials = current.Trials + 1, Tokens = current.Tokens - 1 };
        return new QuotaDecision(true, admitted, TimeSpan.Zero, null);
    }

    /// <summary>Adds the compute a finished trial used to the day it was admitted on.</summary>
    public static QuotaUsage Charge(QuotaUsage usage, DateOnly admittedOn, double computeSeconds) =>
        usage.Day == admittedOn ? usage with { ComputeSeconds = usage.ComputeSeconds + Math.Max(0, computeSeconds) } : usage;

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
}
