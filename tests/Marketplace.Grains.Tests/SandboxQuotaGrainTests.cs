using Marketplace.Abstractions.Sandbox;
using Marketplace.Domain.Sandbox;

namespace Marketplace.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class SandboxQuotaGrainTests(ClusterFixture fixture)
{
    private static readonly QuotaPolicy Roomy = new(DailyTrials: 5, DailyComputeSeconds: 1000, RatePerSecond: 1000, Burst: 1000);

    private static string NewOrganization() => $"org-quota-{Guid.NewGuid():N}";

    [Fact]
    public async Task Concurrent_admissions_never_exceed_the_daily_trials()
    {
        var quota = fixture.Grains.GetGrain<ISandboxQuotaGrain>(NewOrganization());
        await quota.SetPolicyAsync(Roomy);

        var decisions = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => quota.AdmitAsync()));

        Assert.Equal(5, decisions.Count(d => d.Allowed));
        Assert.All(decisions.Where(d => !d.Allowed), d => Assert.Contains("daily limit of 5 trials", d.Reason));
        Assert.Equal(5, (await quota.GetAsync()).Usage.Trials);
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
        Assert.Equal(3, (await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => quota.AdmitAsync()))).Count(d => d.Allowed));
    }

    [Fact]
    public async Task Compute_charged_after_a_trial_stops_admissions_once_the_day_is_spent()
    {
        var quota = fixture.Grains.GetGrain<ISandboxQuotaGrain>(NewOrganization());
        await quota.SetPolicyAsync(Roomy with { DailyComputeSeconds = 2 });

        var first = await quota.AdmitAsync();
        await quota.ChargeAsync(first.Usage.Day, 2.5);
        await Eventually(async () => (await quota.GetAsync()).Usage.ComputeSeconds >= 2.5);
        var second = await quota.AdmitAsync();

        Assert.True(first.Allowed);
        Assert.False(second.Allowed);
        Assert.Contains("compute-seconds", second.Reason);
    }

    /// <summary>Charging is one-way, so its effect is awaited rather than assumed.</summary>
    private static async Task Eventually(Func<Task<bool>> condition)
    {
        for (var attempt = 0; attempt < 100 && !await condition(); attempt++)
        {
            await Task.Delay(20);
        }
        Assert.True(await condition());
    }

    private Task Record(string organization, string kind, double computeMs, DateTimeOffset at) =>
        fixture.Ledger.RecordAsync(new UsageEvent(Guid.NewGuid().ToString("N"), organization, kind, "listing-x", computeMs, "CPU", at), CancellationToken.None);
}
