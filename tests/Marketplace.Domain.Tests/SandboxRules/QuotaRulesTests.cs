using CsCheck;
using Marketplace.Domain.Sandbox;

namespace Marketplace.Domain.Tests.SandboxRules;

public sealed class QuotaRulesTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Admits_up_to_the_daily_limit_and_refuses_until_midnight_utc()
    {
        var policy = new QuotaPolicy(DailyTrials: 3, DailyComputeSeconds: 100, RatePerSecond: 1000, Burst: 1000);
        QuotaUsage? usage = null;
        for (var i = 0; i < 3; i++)
        {
            var admitted = QuotaRules.TryAdmit(policy, usage, Noon);
            Assert.True(admitted.Allowed);
            usage = admitted.Usage;
        }

        var refused = QuotaRules.TryAdmit(policy, usage, Noon);
        var tomorrow = QuotaRules.TryAdmit(policy, usage, Noon.AddHours(12));

        Assert.False(refused.Allowed);
        Assert.Equal(TimeSpan.FromHours(12), refused.RetryAfter);
        Assert.Contains("daily limit of 3 trials", refused.Reason);
        Assert.True(tomorrow.Allowed);
        Assert.Equal(1, tomorrow.Usage.Trials);
    }

    [Fact]
    public void Generation_tokens_are_held_while_generations_run_and_close_the_day_once_spent()
    {
        var policy = new QuotaPolicy(100, 1000, 1000, 1000, DailyGenerationTokens: 100);
        var first = QuotaRules.TryAdmit(policy, null, Noon, reserveGenerationTokens: 70);
        var second = QuotaRules.TryAdmit(policy, first.Usage, Noon, reserveGenerationTokens: 70);
        var held = QuotaRules.TryAdmit(policy, second.Usage, Noon, reserveGenerationTokens: 1);
        var trial = QuotaRules.TryAdmit(policy, second.Usage, Noon);
        var settled = QuotaRules.Settle(second.Usage, second.Usage.Day, 0, 0, reservedGenerationTokens: 70, generationTokens: 12);
        var spent = QuotaRules.Settle(settled, settled.Day, 0, 0, 70, 90);
        var closed = QuotaRules.TryAdmit(policy, spent, Noon, reserveGenerationTokens: 1);

        Assert.True(first.Allowed && second.Allowed);
        Assert.Equal(140, second.Usage.ReservedGenerationTokens);
        Assert.False(held.Allowed);
        Assert.Equal(QuotaRules.ReservedRetryAfter, held.RetryAfter);
        Assert.Contains("held by generations still running", held.Reason);
        Assert.True(trial.Allowed);
        Assert.Equal((70L, 12L), (settled.ReservedGenerationTokens, settled.GenerationTokens));
        Assert.False(closed.Allowed);
        Assert.Equal("The daily limit of 100 generation tokens is reached; it resets at 00:00 UTC.", closed.Reason);
        Assert.Equal(TimeSpan.FromHours(12), closed.RetryAfter);
    }

    [Fact]
    public void Compute_seconds_charged_after_runs_close_the_day_once_spent()
    {
        var policy = new QuotaPolicy(100, DailyComputeSeconds: 2, RatePerSecond: 1000, Burst: 1000);
        var admitted = QuotaRules.TryAdmit(policy, null, Noon);
        var charged = QuotaRules.Settle(admitted.Usage, admitted.Usage.Day, 0, 2.5);

        var next = QuotaRules.TryAdmit(policy, charged, Noon.AddSeconds(1));

        Assert.False(next.Allowed);
        Assert.Contains("compute-seconds", next.Reason);
    }

    [Fact]
    public void A_charge_for_yesterday_does_not_count_today()
    {
        var policy = new QuotaPolicy(100, 10, 1000, 1000);
        var yesterday = QuotaRules.TryAdmit(policy, null, Noon).Usage;
        var today = QuotaRules.Refill(policy, yesterday, Noon.AddDays(1));

        Assert.Equal(0, QuotaRules.Settle(today, yesterday.Day, 0, 5).ComputeSeconds);
    }

    [Fact]
    public void A_reservation_holds_compute_until_it_settles_to_what_was_used()
    {
        var policy = new QuotaPolicy(100, DailyComputeSeconds: 1, RatePerSecond: 1000, Burst: 1000);
        var first = QuotaRules.TryAdmit(policy, null, Noon, reserveComputeSeconds: 0.6);
        var second = QuotaRules.TryAdmit(policy, first.Usage, Noon, reserveComputeSeconds: 0.6);
        var held = QuotaRules.TryAdmit(policy, second.Usage, Noon, reserveComputeSeconds: 0.6);
        var settled = QuotaRules.Settle(second.Usage, second.Usage.Day, 0.6, 0.1);

        Assert.True(first.Allowed && second.Allowed);
        Assert.Equal(1.2, second.Usage.ReservedComputeSeconds, precision: 9);
        Assert.False(held.Allowed);
        Assert.Equal(QuotaRules.ReservedRetryAfter, held.RetryAfter);
        Assert.Equal(0.6, settled.ReservedComputeSeconds, precision: 9);
        Assert.Equal(0.1, settled.ComputeSeconds, precision: 9);
    }

    [Fact]
    public void However_trials_interleave_settled_compute_passes_the_cap_by_at_most_one_reservation() =>
        Gen.Select(Gen.Double[0.5, 5], Gen.Double[0.05, 1], Gen.Int[0, 2].Array[20, 200])
            .Sample((cap, reservation, steps) =>
            {
                // Every trial uses at most what it reserved; steps admit (0), settle the oldest (1) or wait (2).
                var policy = new QuotaPolicy(int.MaxValue, cap, 1e9, int.MaxValue);
                QuotaUsage? usage = null;
                var running = new Queue<double>();
                var now = Noon;
                foreach (var step in steps)
                {
                    now = now.AddMilliseconds(10);
                    if (step == 0)
                    {
                        var decision = QuotaRules.TryAdmit(policy, usage, now, reservation);
                        usage = decision.Usage;
                        if (decision.Allowed)
                        {
                            running.Enqueue(reservation * (0.5 + (running.Count % 2) * 0.5));
                        }
                    }
                    else if (step == 1 && running.Count > 0 && usage is not null)
                    {
                        usage = QuotaRules.Settle(usage, usage.Day, reservation, running.Dequeue());
                    }
                }
                while (running.Count > 0)
                {
                    usage = QuotaRules.Settle(usage!, usage!.Day, reservation, running.Dequeue());
                }
                Assert.True((usage?.ComputeSeconds ?? 0) <= cap + reservation + 1e-9);
                Assert.Equal(0, usage?.ReservedComputeSeconds ?? 0, precision: 9);
            });

    [Fact]
    public void The_token_bucket_refuses_a_burst_beyond_its_capacity_and_says_when_a_token_returns()
    {
        var policy = new QuotaPolicy(1000, 1000, RatePerSecond: 2, Burst: 2);
        var first = QuotaRules.TryAdmit(policy, null, Noon);
        var second = QuotaRules.TryAdmit(policy, first.Usage, Noon);
        var third = QuotaRules.TryAdmit(policy, second.Usage, Noon);
        var later = QuotaRules.TryAdmit(policy, second.Usage, Noon.AddMilliseconds(500));

        Assert.True(first.Allowed && second.Allowed);
        Assert.False(third.Allowed);
        Assert.Equal(TimeSpan.FromSeconds(0.5), third.RetryAfter);
        Assert.True(later.Allowed);
    }

    [Fact]
    public void However_requests_arrive_admissions_never_exceed_the_daily_limit_or_the_bucket() =>
        Gen.Select(Gen.Int[1, 20], Gen.Int[1, 10], Gen.Double[0.1, 20], Gen.Int[0, 2000].Array[1, 120])
            .Sample((daily, burst, rate, gapsMs) =>
            {
                var policy = new QuotaPolicy(daily, 1e9, rate, burst);
                QuotaUsage? usage = null;
                var now = Noon;
                var admittedToday = 0;
                var admittedTimes = new List<DateTimeOffset>();
                foreach (var gap in gapsMs)
                {
                    now = now.AddMilliseconds(gap);
                    var decision = QuotaRules.TryAdmit(policy, usage, now);
                    if (decision.Allowed)
                    {
                        usage = decision.Usage;
                        admittedToday++;
                        admittedTimes.Add(now);
                    }
                    else
                    {
                        Assert.True(decision.RetryAfter > TimeSpan.Zero);
                    }
                    Assert.True((usage?.Tokens ?? 0) >= 0);
                }
                Assert.True(admittedToday <= daily);
                // In any window, admissions are at most the burst plus what the rate refilled.
                var span = (admittedTimes.Count > 0 ? admittedTimes[^1] - admittedTimes[0] : TimeSpan.Zero).TotalSeconds;
                Assert.True(admittedTimes.Count <= burst + (span * rate) + 1e-9);
            });
}
