using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Marketplace.Api.Tests;

/// <summary>Metered usage from a deployed solution over HTTP: one answer per record, resends are no-ops, strangers cannot report.</summary>
[Collection(ApiCollection.Name)]
public sealed class UsageApiTests(MarketplaceFactory factory)
{
    private static readonly object CloudRequirements = new
    {
        industry = "finance", task = "text-embedding", peakRequestsPerSecond = 20, latencyP95Ms = 200,
        deployment = "Cloud", region = "DE", termMonths = 12, currency = "USD", top = 1,
    };

    /// <summary>A hosted embedding solution, accepted: its model is priced per 1,000 inferences, so the order has a metered line.</summary>
    private async Task<(HttpClient Customer, JsonObject Order, string LineId)> MeteredOrderAsync()
    {
        var (_, customer) = await factory.MemberOfNewOrganizationAsync("Customer", "Owner");
        var best = (await (await customer.PostAsJsonAsync("/api/v1/solutions/candidates", CloudRequirements)).ReadObjectAsync())["candidates"]![0]!;
        using var quoted = await customer.PostAsJsonAsync("/api/v1/quotes", new
        {
            modelId = best["model"]!["id"]!.GetValue<string>(),
            integratorId = best["integrator"]!["id"]!.GetValue<string>(),
            hardwareId = best["hardware"]!["id"]!.GetValue<string>(),
            requirements = CloudRequirements,
        });
        Assert.Equal(HttpStatusCode.Created, quoted.StatusCode);
        var orderId = await SolutionFlows.AcceptAsync(customer, (await quoted.ReadObjectAsync())["id"]!.GetValue<string>());
        var order = (await customer.GetFromJsonAsync<JsonObject>($"/api/v1/orders/{orderId}"))!;
        var line = order["meteredLines"]!.AsArray().Single()!;
        Assert.Equal("inference", line["unit"]!.GetValue<string>());
        Assert.True(line["per1kMinor"]!.GetValue<long>() > 0);
        return (customer, order, line["id"]!.GetValue<string>());
    }

    private static object Event(string id, string lineId, long quantity = 1_000, string unit = "inference", DateTimeOffset? at = null) =>
        new { id, orderLineId = lineId, quantity, unit, at = at ?? DateTimeOffset.UtcNow };

    private static async Task<JsonObject> PostAsync(HttpClient client, params object[] events)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/usage/events", new { events });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadObjectAsync();
    }

    private static IEnumerable<string> Statuses(JsonObject answer) => answer["events"]!.AsArray().Select(e => e!["status"]!.GetValue<string>());

    [Fact]
    public async Task Each_record_is_accepted_a_duplicate_or_refused_with_its_reason()
    {
        var (customer, order, line) = await MeteredOrderAsync();

        var answer = await PostAsync(customer,
            Event("a", line), Event("b", line, 500), Event("a", line),
            Event("t", line, unit: "token"), Event("early", line, at: order["placedAt"]!.GetValue<DateTimeOffset>().AddDays(-1)),
            Event("zero", line, 0), Event("other", order["id"]!.GetValue<string>() + ".99"), Event("future", line, at: DateTimeOffset.UtcNow.AddDays(1)));
        var again = await PostAsync(customer, Event("a", line), Event("b", line, 500));

        Assert.Equal(["accepted", "accepted", "duplicate", "refused", "refused", "refused", "refused", "refused"], Statuses(answer));
        Assert.Equal((2, 1, 5), (answer["accepted"]!.GetValue<int>(), answer["duplicates"]!.GetValue<int>(), answer["refused"]!.GetValue<int>()));
        var reasons = answer["events"]!.AsArray().Select(e => e!["reason"]?.GetValue<string>() ?? "").ToList();
        Assert.Contains("unit", reasons[3], StringComparison.Ordinal);
        Assert.Contains("outside the order's term", reasons[4], StringComparison.Ordinal);
        Assert.Contains("quantity", reasons[5], StringComparison.Ordinal);
        Assert.Contains("orderLineId", reasons[6], StringComparison.Ordinal);
        Assert.Contains("future", reasons[7], StringComparison.Ordinal);
        Assert.Equal(["duplicate", "duplicate"], Statuses(again));
        var usage = (await customer.GetFromJsonAsync<JsonObject>($"/api/v1/orders/{order["id"]}/usage"))!;
        var month = usage["months"]!.AsArray().Single()!;
        Assert.Equal((1, 1_500L, false), (month["month"]!.GetValue<int>(), month["quantity"]!.GetValue<long>(), month["invoiced"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task Concurrent_retries_of_one_batch_record_every_event_once()
    {
        var (customer, order, line) = await MeteredOrderAsync();
        var events = Enumerable.Range(0, 200).Select(i => Event($"r{i}", line, 10)).ToArray();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PostAsync(customer, events)));

        Assert.Equal(200, answers.Sum(a => a["accepted"]!.GetValue<int>()));
        Assert.Equal(200 * 7, answers.Sum(a => a["duplicates"]!.GetValue<int>()));
        var usage = (await customer.GetFromJsonAsync<JsonObject>($"/api/v1/orders/{order["id"]}/usage"))!;
        Assert.Equal(2_000, usage["months"]![0]!["quantity"]!.GetValue<long>());
    }

    [Fact]
    public async Task Another_organization_cannot_report_on_an_order_or_read_its_usage()
    {
        var (customer, order, line) = await MeteredOrderAsync();
        var (_, stranger) = await factory.MemberOfNewOrganizationAsync("Customer", "Owner");

        var answer = await PostAsync(stranger, Event("s", line));
        var own = await PostAsync(customer, Event("s", line));

        Assert.Equal(["refused"], Statuses(answer));
        Assert.Equal(["accepted"], Statuses(own));
        await (await stranger.GetAsync($"/api/v1/orders/{order["id"]}/usage")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.GetAsync("/api/v1/admin/usage/by-model")).AssertProblemAsync(HttpStatusCode.Forbidden);
        var model = order["meteredLines"]![0]!["listingId"]!.GetValue<string>();
        Assert.Contains((await factory.Admin().GetFromJsonAsync<JsonArray>("/api/v1/admin/usage/by-model?days=2"))!,
            d => d!["listingId"]!.GetValue<string>() == model && d["quantity"]!.GetValue<long>() >= 1_000);
        await (await factory.Admin().GetAsync("/api/v1/admin/usage/by-model?days=0")).AssertInvalidFieldsAsync("days");
    }

    [Theory]
    [InlineData("{}", "events")]
    [InlineData("{\"events\":[]}", "events")]
    [InlineData("{\"events\":[{\"id\":\"x\",\"at\":\"not a date\"}]}", "events[0].at")]
    public async Task A_malformed_batch_is_a_400_naming_the_field(string json, string field)
    {
        var (_, customer) = await factory.MemberOfNewOrganizationAsync("Customer", "Owner");

        await (await customer.PostJsonTextAsync("/api/v1/usage/events", json)).AssertInvalidFieldsAsync(field);
    }

    [Fact]
    public async Task More_than_a_thousand_records_is_a_400_and_anonymous_callers_are_turned_away()
    {
        var (_, customer) = await factory.MemberOfNewOrganizationAsync("Customer", "Owner");
        var events = Enumerable.Range(0, 1_001).Select(i => Event($"x{i}", "ord_x.1")).ToArray();

        await (await customer.PostAsJsonAsync("/api/v1/usage/events", new { events })).AssertInvalidFieldsAsync("events");
        await (await factory.CreateClient().PostAsJsonAsync("/api/v1/usage/events", new { events = events.Take(1) })).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}
