using Marketplace.Abstractions.Sandbox;
using Marketplace.Domain.Sandbox;

namespace Marketplace.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class SandboxQuotaGrainTests(ClusterFixture fixture)
{
    private static readonly QuotaPolicy Roomy = new(DailyTrials: 5, DailyComputeSeconds: 1000, RatePerSecond: 1000, Burst: 1000);

    private static string NewOrganization() => $"org-quota-{Guid.NewGuid():N}";

    private static TrialTicket Ticket(string? id = null, double reserve = 0.01, string fingerprint = "same", bool keyed = false) =>
        new(id ?? $"trial_{Guid.NewGuid():N}", "lst_model", fingerprint, keyed, reserve);

    private async Task<ISandboxQuotaGrain> QuotaAsync(QuotaPolicy policy)
    {
        var quota = fixture.Grains.GetGrain<ISandboxQuotaGrain>(NewOrganization());
        await quota.SetPolicyAsync(policy);
        return quota;
    }

    [Fact]
    public async Task Concurrent_admissions_never_exceed_the_daily_trials()
    {
        var quota = await QuotaAsync(Roomy);

        var admissions = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => quota.AdmitTrialAsync(Ticket())));

        Assert.Equal(5, admissions.Count(a => a.Verdict == TrialVerdict.Admitted));
        Assert.All(admissions.Where(a => a.Verdict != TrialVerdict.Admitted), a =>
        {
            Assert.Equal(TrialVerdict.Refused, a.Verdict);
            Assert.Contains("daily limit of 5 trials", a.Reason);
        });
        Assert.Equal(5, (await quota.GetAsync()).Usage.Trials);
    }

    [Fact]
    public async Task Sixty_four_concurrent_admissions_of_one_trial_admit_it_once_and_the_rest_see_it_running_then_finished()
    {
        var quota = await QuotaAsync(Roomy);
        var ticket = Ticket("trial_same-key", keyed: true);

        var admissions = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => quota.AdmitTrialAsync(ticket)));
        await quota.SettleTrialAsync(ticket.TrialId, 0.004);
        var retry = await quota.AdmitTrialAsync(ticket);

        Assert.Single(admissions, a => a.Verdict == TrialVerdict.Admitted);
        Assert.Equal(63, admissions.Count(a => a.Verdict == TrialVerdict.Running));
        Assert.Equal(TrialVerdict.Replay, retry.Verdict);
        var usage = (await quota.GetAsync()).Usage;
        Assert.Equal(1, usage.Trials);
        Assert.Equal(0.004, usage.ComputeSeconds, precision: 9);
        Assert.Equal(0, usage.ReservedComputeSeconds, precision: 9);
    }

    [Fact]
    public async Task A_key_sent_again_with_another_request_is_refused_as_reused()
    {
        var quota = await QuotaAsync(Roomy);
        var first = Ticket("trial_reused", keyed: true, fingerprint: "texts-a");
        await quota.AdmitTrialAsync(first);

        var whileRunning = await quota.AdmitTrialAsync(first with { Fingerprint = "texts-b" });
        await quota.SettleTrialAsync(first.TrialId, 0.001);
        var afterwards = await quota.AdmitTrialAsync(first with { Fingerprint = "texts-b" });

        Assert.Equal(TrialVerdict.KeyReused, whileRunning.Verdict);
        Assert.Equal(TrialVerdict.KeyReused, afterwards.Verdict);
        Assert.Equal(1, (await quota.GetAsync()).Usage.Trials);
    }

    [Fact]
    public async Task Replays_are_free_of_the_daily_count_but_not_of_the_rate()
    {
        var quota = await QuotaAsync(Roomy with { DailyTrials = 1, RatePerSecond = 0.001, Burst = 3 });
        var ticket = Ticket("trial_replayed", keyed: true);
        await quota.AdmitTrialAsync(ticket);
        await quota.SettleTrialAsync(ticket.TrialId, 0.001);

        var replays = new[] { await quota.AdmitTrialAsync(ticket), await quota.AdmitTrialAsync(ticket), await quota.AdmitTrialAsync(ticket) };

        Assert.Equal([TrialVerdict.Replay, TrialVerdict.Replay, TrialVerdict.Refused], replays.Select(r => r.Verdict));
        Assert.Contains("trials per second", replays[2].Reason);
        Assert.Equal(1, (await quota.GetAsync()).Usage.Trials);
    }

    [Fact]
    public async Task A_keyed_trial_metered_before_this_activation_is_a_replay_of_the_ledger_row()
    {
        var organization = NewOrganization();
        var quota = fixture.Grains.GetGrain<ISandboxQuotaGrain>(organization);
        await quota.SetPolicyAsync(Roomy);
        await fixture.Ledger.RecordAsync(new UsageEvent("trial_from-yesterday", organization, UsageKinds.SandboxTrial, "lst_model", 5, "CPU", fixture.Time.GetUtcNow().AddDays(-1)), CancellationToken.None);

        var retry = await quota.AdmitTrialAsync(Ticket("trial_from-yesterday", keyed: true));
        var otherModel = await quota.AdmitTrialAsync(Ticket("trial_from-yesterday", keyed: true) with { ListingId = "lst_other" });

        Assert.Equal(TrialVerdict.Replay, retry.Verdict);
        Assert.Equal(TrialVerdict.KeyReused, otherModel.Verdict);
        Assert.Equal(0, (await quota.GetAsync()).Usage.Trials);
    }

    [Fact]
    public async Task Concurrent_trials_cannot_take_the_day_past_its_compute_cap_by_more_than_one_reservation()
    {
        // Cap of 0.05 s; each trial reserves 0.012 s and really uses 0.008 to 0.012 s.
        var quota = await QuotaAsync(Roomy with { DailyTrials = 10_000, DailyComputeSeconds = 0.05 });
        const double reservation = 0.012;
        var random = new Random(7);
        var admittedTotal = 0;

        for (var wave = 0; wave < 10; wave++)
        {
            var tickets = Enumerable.Range(0, 64).Select(_ => Ticket(reserve: reservation)).ToList();
            var admissions = await Task.WhenAll(tickets.Select(quota.AdmitTrialAsync));
            var admitted = tickets.Where((_, i) => admissions[i].Verdict == TrialVerdict.Admitted).ToList();
            admittedTotal += admitted.Count;
            await Task.WhenAll(admitted.Select(t => quota.SettleTrialAsync(t.TrialId, 0.008 + random.NextDouble() * 0.004)));
            Assert.All(admissions.Where(a => a.Verdict == TrialVerdict.Refused), a => Assert.Contains("compute-seconds", a.Reason));
        }

        var usage = (await quota.GetAsync()).Usage;
        Assert.InRange(admittedTotal, 5, 7);
        Assert.InRange(usage.ComputeSeconds, 0.05, 0.05 + reservation);
        Assert.Equal(0, usage.ReservedComputeSeconds, precision: 9);
        Assert.Equal(TrialVerdict.Refused, (await quota.AdmitTrialAsync(Ticket(reserve: reservation))).Verdict);
    }

    [Fact]
    public async Task While_running_trials_hold_the_rest_of_the_cap_a_new_one_is_told_to_retry_in_a_second()
    {
        var quota = await QuotaAsync(Roomy with { DailyComputeSeconds = 1 });
        var running = Ticket(reserve: 1);
        await quota.AdmitTrialAsync(running);

        var held = await quota.AdmitTrialAsync(Ticket(reserve: 0.1));
        await quota.SettleTrialAsync(running.TrialId, 0.2);
        var afterSettling = await quota.AdmitTrialAsync(Ticket(reserve: 0.1));

        Assert.Equal(TrialVerdict.Refused, held.Verdict);
        Assert.Equal(TimeSpan.FromSeconds(1), held.RetryAfter);
        Assert.Contains("held by trials still running", held.Reason);
        Assert.Equal(TrialVerdict.Admitted, afterSettling.Verdict);
    }

    [Fact]
    public async Task A_new_activation_starts_from_todays_rows_in_the_usage_ledger()
    {
        var organization = NewOrganization();
        var quota = fixture.Grains.GetGrain<ISandboxQuotaGrain>(organization);
        await quota.SetPolicyAsync(Roomy);
        var now = fixture.Time.GetUtcNow();
        await Record(organization, UsageKinds.SandboxTrial, 1500, now.AddMinutes(-5));
        await Record(organization, UsageKinds.SandboxTrial, 2500, now.AddMinutes(-1));
        await Record(organization, UsageKinds.SandboxTrial, 9000, now.AddDays(-1));
        await Record(organization, "storage.upload", 9000, now);
        await Record($"{organization}-other", UsageKinds.SandboxTrial, 9000, now);

        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var status = await quota.GetAsync();

        Assert.Equal(Roomy, status.Policy);
        Assert.Equal(2, status.Usage.Trials);
        Assert.Equal(4, status.Usage.ComputeSeconds, precision: 6);
        Assert.Equal(3, (await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => quota.AdmitTrialAsync(Ticket())))).Count(a => a.Verdict == TrialVerdict.Admitted));
    }

    [Fact]
    public async Task A_trial_never_settled_releases_its_key_and_is_charged_its_reservation_after_ten_minutes()
    {
        var quota = await QuotaAsync(Roomy with { DailyComputeSeconds = 10 });
        var orphan = Ticket("trial_orphan", reserve: 4, keyed: true);
        await quota.AdmitTrialAsync(orphan);

        var soon = await quota.AdmitTrialAsync(orphan);
        fixture.Time.Advance(TimeSpan.FromMinutes(11));
        var later = await quota.AdmitTrialAsync(orphan);
        var usage = (await quota.GetAsync()).Usage;

        Assert.Equal(TrialVerdict.Running, soon.Verdict);
        Assert.Equal(TrialVerdict.Replay, later.Verdict);
        Assert.Equal(4, usage.ComputeSeconds, precision: 9);
        Assert.Equal(0, usage.ReservedComputeSeconds, precision: 9);
    }

    [Fact]
    public async Task Generations_hold_their_tokens_until_they_settle_and_the_daily_tokens_close_the_day()
    {
        var quota = await QuotaAsync(Roomy with { DailyTrials = 100, DailyGenerationTokens = 100 });
        var first = Ticket() with { ReserveGenerationTokens = 60 };
        var second = Ticket() with { ReserveGenerationTokens = 60 };

        var admitted = await Task.WhenAll(quota.AdmitTrialAsync(first), quota.AdmitTrialAsync(second));
        var held = await quota.AdmitTrialAsync(Ticket() with { ReserveGenerationTokens = 10 });
        await quota.SettleGenerationAsync(first.TrialId, 0.01, 20);
        await quota.SettleGenerationAsync(second.TrialId, 0.01, 85);
        var closed = await quota.AdmitTrialAsync(Ticket() with { ReserveGenerationTokens = 10 });
        var trial = await quota.AdmitTrialAsync(Ticket());
        var usage = (await quota.GetAsync()).Usage;

        Assert.All(admitted, a => Assert.Equal(TrialVerdict.Admitted, a.Verdict));
        Assert.Equal(TrialVerdict.Refused, held.Verdict);
        Assert.Contains("held by generations still running", held.Reason);
        Assert.Equal(TrialVerdict.Refused, closed.Verdict);
        Assert.Equal("The daily limit of 100 generation tokens is reached; it resets at 00:00 UTC.", closed.Reason);
        Assert.Equal(TrialVerdict.Admitted, trial.Verdict);
        Assert.Equal((105L, 0L, 3), (usage.GenerationTokens, usage.ReservedGenerationTokens, usage.Trials));
    }

    [Fact]
    public async Task A_new_activation_counts_todays_generations_as_trials_with_their_tokens()
    {
        var organization = NewOrganization();
        var quota = fixture.Grains.GetGrain<ISandboxQuotaGrain>(organization);
        await quota.SetPolicyAsync(Roomy);
        var now = fixture.Time.GetUtcNow();
        await fixture.Ledger.RecordAsync(new UsageEvent("gen_a-" + organization, organization, UsageKinds.SandboxGeneration, "lst_writer", 40, "CPU", now.AddMinutes(-2), 7, 30), CancellationToken.None);
        await fixture.Ledger.RecordAsync(new UsageEvent("gen_b-" + organization, organization, UsageKinds.SandboxGeneration, "lst_writer", 10, "CPU", now.AddDays(-1), 7, 30), CancellationToken.None);
        await Record(organization, UsageKinds.SandboxTrial, 1000, now.AddMinutes(-1));

        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var usage = (await quota.GetAsync()).Usage;

        Assert.Equal((2, 37L), (usage.Trials, usage.GenerationTokens));
        Assert.Equal(1.04, usage.ComputeSeconds, precision: 6);
    }

    private Task Record(string organization, string kind, double computeMs, DateTimeOffset at) =>
        fixture.Ledger.RecordAsync(new UsageEvent(Guid.NewGuid().ToString("N"), organization, kind, "listing-x", computeMs, "CPU", at), CancellationToken.None);
}
