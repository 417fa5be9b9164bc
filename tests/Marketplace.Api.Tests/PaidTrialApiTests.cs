using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Marketplace.Api.Tests;

/// <summary>Sandbox trials beyond the free quota: charged at the model's price within the customer's monthly spend cap, over HTTP and at once.</summary>
[Collection(ApiCollection.Name)]
public sealed class PaidTrialApiTests(MarketplaceFactory factory)
{
    private const string MiniLm = "/api/v1/sandbox/models/lst_all-minilm-l6-v2/trials";

    private static readonly string[] SixteenTexts = Enumerable.Range(0, 16).Select(i => $"inspection note {i}").ToArray();

    private async Task<(string Id, HttpClient Owner)> CustomerWithOneFreeTrialAsync()
    {
        var (id, owner) = await factory.MemberOfNewOrganizationAsync("Customer", "Owner");
        await PartnerFlows.Ok(factory.Admin().PutAsJsonAsync($"/api/v1/admin/organizations/{id}/sandbox-quota",
            // Compute far beyond what 40 trials reserve, even before MiniLM is benchmarked (then each reserves its deadline per text).
            new { dailyTrials = 1, dailyComputeSeconds = 10_000_000, trialsPerSecond = 1000, burst = 1000 }));
        return (id, owner);
    }

    [Fact]
    public async Task Without_a_cap_the_trial_after_the_free_quota_is_a_429_saying_how_to_go_on()
    {
        var (_, owner) = await CustomerWithOneFreeTrialAsync();

        using var free = await owner.PostAsJsonAsync(MiniLm, new { texts = SixteenTexts });
        using var refused = await owner.PostAsJsonAsync(MiniLm, new { texts = SixteenTexts });

        Assert.Equal(HttpStatusCode.OK, free.StatusCode);
        Assert.Null((await free.ReadObjectAsync())["paid"]);
        Assert.Contains("spend cap", (await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_paid_trials_stop_exactly_at_the_spend_cap_warn_from_eighty_percent_and_the_spend_adds_up()
    {
        var (id, owner) = await CustomerWithOneFreeTrialAsync();
        var cap = await owner.PutAsJsonAsync($"/api/v1/organizations/{id}/spend-cap", new { monthlyCapMinor = 1, currency = "USD" });
        Assert.Equal(HttpStatusCode.OK, cap.StatusCode);

        // One free trial, then 2 ¢ per 1,000 × 16 texts = 0.032 ¢ a trial: 31 fit in a 1 ¢ cap.
        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => owner.PostAsJsonAsync(MiniLm, new { texts = SixteenTexts })));
        var ok = await Task.WhenAll(responses.Where(r => r.StatusCode == HttpStatusCode.OK).Select(r => r.ReadObjectAsync()));
        var refused = responses.Where(r => r.StatusCode != HttpStatusCode.OK).ToList();

        Assert.Equal(32, ok.Length);
        Assert.Equal(31, ok.Count(t => t["paid"] is not null));
        Assert.All(refused, r => Assert.Equal(HttpStatusCode.TooManyRequests, r.StatusCode));
        Assert.Contains("monthly spend cap of USD 0.01", (await refused[0].AssertProblemAsync(HttpStatusCode.TooManyRequests))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(7, ok.Count(t => t["paid"]?["warning"] is not null));
        var spend = (await owner.GetFromJsonAsync<JsonObject>($"/api/v1/organizations/{id}/spend"))!;
        Assert.Equal((1L, 31), (spend["spentMinor"]!.GetValue<long>(), spend["paidTrials"]!.GetValue<int>()));
        var model = spend["models"]!.AsArray().Single()!;
        Assert.Equal(("lst_all-minilm-l6-v2", 31L * 16, 2L), (model["listingId"]!.GetValue<string>(), model["inferences"]!.GetValue<long>(), model["per1kMinor"]!.GetValue<long>()));
    }

    [Fact]
    public async Task Only_the_owner_sets_the_cap_and_bad_caps_are_400s_naming_the_field()
    {
        var (id, owner) = await factory.MemberOfNewOrganizationAsync("Customer", "Owner");
        var member = factory.ClientWithKey(await factory.IssueKeyAsync(id, "Member"));

        await (await member.PutAsJsonAsync($"/api/v1/organizations/{id}/spend-cap", new { monthlyCapMinor = 100, currency = "USD" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await owner.PutAsJsonAsync($"/api/v1/organizations/{id}/spend-cap", new { monthlyCapMinor = -1, currency = "USD" })).AssertInvalidFieldsAsync("monthlyCapMinor");
        await (await owner.PutAsJsonAsync($"/api/v1/organizations/{id}/spend-cap", new { monthlyCapMinor = 100, currency = "XXX" })).AssertInvalidFieldsAsync("currency");
        Assert.Null((await member.GetFromJsonAsync<JsonObject>($"/api/v1/organizations/{id}/spend"))!["cap"]);
    }
}
