using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Marketplace.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class SolutionApiTests(MarketplaceFactory factory)
{
    private async Task<HttpClient> CustomerAsync() => (await factory.MemberOfNewOrganizationAsync("Customer", "Member")).Client;

    private static long Sum(JsonNode lines) => lines.AsArray().Sum(l => l!["amountMinor"]!.GetValue<long>());

    [Fact]
    public async Task The_contract_request_answers_ranked_candidates_whose_lines_sum_to_their_totals()
    {
        var customer = await CustomerAsync();

        using var response = await customer.PostAsJsonAsync("/api/v1/solutions/candidates", SolutionFlows.Requirements);

        var body = await response.ReadObjectAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var candidates = body["candidates"]!.AsArray();
        Assert.InRange(candidates.Count, 1, 5);
        var totals = candidates.Select(c => c!["totalCostMinor"]!.GetValue<long>()).ToList();
        Assert.Equal(totals.Order(), totals);
        Assert.All(candidates, c =>
        {
            Assert.Equal(c!["totalCostMinor"]!.GetValue<long>(), Sum(c["lines"]!));
            Assert.Equal(c["models"]![0]!["id"]!.GetValue<string>(), c["model"]!["id"]!.GetValue<string>());
            Assert.Equal("USD", c["currency"]!.GetValue<string>());
            Assert.Contains(c["basis"]!.GetValue<string>(), new[] { "Measured", "Estimated" });
            Assert.False(string.IsNullOrEmpty(c["boundBy"]!.GetValue<string>()));
            Assert.True(c["hardware"]!["units"]!.GetValue<int>() >= 1);
            Assert.True(c["costPer1kMinor"]!.GetValue<long>() > 0);
            Assert.All(c["lines"]!.AsArray(), l => Assert.Equal(l!["amountMinor"]!.GetValue<long>(), l["partnerShareMinor"]!.GetValue<long>() + l["platformShareMinor"]!.GetValue<long>()));
        });
        // Hardware not sold in China is left out, with the reason.
        Assert.Contains(body["excluded"]!.AsArray(), e => e!["id"]!.GetValue<string>() == "lst_orbit-hx8-h100" && e["reason"]!.GetValue<string>().Contains("not offered in China", StringComparison.Ordinal));
        Assert.All(body["excluded"]!.AsArray(), e => Assert.False(string.IsNullOrWhiteSpace(e!["reason"]!.GetValue<string>())));
    }

    [Fact]
    public async Task A_scenario_with_two_roles_gives_each_model_vendor_its_own_lines_and_a_price_per_million_tokens()
    {
        var customer = await CustomerAsync();

        var body = await (await customer.PostAsJsonAsync("/api/v1/solutions/candidates", new
        {
            industry = "finance", scenarioId = "fin-customer-service-assistant", region = "DE", termMonths = 36, currency = "USD", top = 3,
        })).ReadObjectAsync();

        var best = body["candidates"]![0]!;
        Assert.Equal(["retrieval", "generation"], best["models"]!.AsArray().Select(m => m!["role"]!.GetValue<string>()));
        Assert.Equal(["text-embedding", "text-generation"], best["models"]!.AsArray().Select(m => m!["task"]!.GetValue<string>()));
        foreach (var model in best["models"]!.AsArray())
        {
            Assert.Contains(best["lines"]!.AsArray(), l => l!["listingId"]!.GetValue<string>() == model!["id"]!.GetValue<string>());
        }
        Assert.True(best["costPer1MOutputTokensMinor"]!.GetValue<long>() > 0);
        var generation = best["models"]![1]!;
        Assert.True(generation["outputTokensPerSecond"]!.GetValue<double>() > 0);
        Assert.Equal("Estimated", generation["basis"]!.GetValue<string>());
        Assert.InRange(generation["efficiencyFactor"]!.GetValue<double>(), 0.001, 1);
        Assert.Equal(20, body["requirements"]!["peakRequestsPerSecond"]!.GetValue<double>());
    }

    [Theory]
    [InlineData("""{"industry":"finance","task":"text-embedding","peakRequestsPerSecond":-5,"latencyP95Ms":100,"deployment":"Private","region":"CN","termMonths":36,"currency":"USD"}""", "peakRequestsPerSecond")]
    [InlineData("""{"industry":"basket-weaving","task":"text-embedding","peakRequestsPerSecond":5,"latencyP95Ms":100,"deployment":"Private","region":"CN","termMonths":36,"currency":"USD"}""", "industry")]
    [InlineData("""{"industry":"finance","task":"text-embedding","peakRequestsPerSecond":5,"latencyP95Ms":100,"deployment":"Private","region":"CN","termMonths":0,"currency":"USD"}""", "termMonths")]
    [InlineData("""{"industry":"finance","task":"text-embedding","peakRequestsPerSecond":5,"latencyP95Ms":100,"deployment":"Private","region":"Narnia","termMonths":12,"currency":"USD"}""", "region")]
    [InlineData("""{"industry":"finance","task":"mind-reading","peakRequestsPerSecond":5,"latencyP95Ms":100,"deployment":"Private","region":"CN","termMonths":12,"currency":"USD"}""", "task")]
    [InlineData("""{"industry":"finance","scenarioId":"mfg-visual-inspection","region":"CN","termMonths":12,"currency":"USD"}""", "scenarioId")]
    [InlineData("""{"industry":"finance","task":"text-embedding","peakRequestsPerSecond":5,"latencyP95Ms":100,"deployment":"Private","region":"CN","termMonths":12,"currency":"XXX"}""", "currency")]
    [InlineData("""{"industry":"finance","task":"text-embedding","peakRequestsPerSecond":5,"latencyP95Ms":100,"deployment":"Private","region":"CN","termMonths":12,"currency":"USD","top":0}""", "top")]
    [InlineData("""{"industry":"finance","task":"text-embedding","latencyP95Ms":100,"deployment":"Private","region":"CN","termMonths":12,"currency":"USD"}""", "peakRequestsPerSecond")]
    public async Task Invalid_requirements_are_a_400_naming_the_field(string json, string field)
    {
        var customer = await CustomerAsync();

        await (await customer.PostJsonTextAsync("/api/v1/solutions/candidates", json)).AssertInvalidFieldsAsync(field);
    }

    [Fact]
    public async Task Impossible_requirements_answer_no_candidates_and_the_reasons()
    {
        var customer = await CustomerAsync();

        var body = await (await customer.PostAsJsonAsync("/api/v1/solutions/candidates", new
        {
            industry = "finance", task = "text-embedding", peakRequestsPerSecond = 50, latencyP95Ms = 0.001, deployment = "Private", region = "CN", termMonths = 12, currency = "USD",
        })).ReadObjectAsync();

        Assert.Empty(body["candidates"]!.AsArray());
        Assert.Contains(body["excluded"]!.AsArray(), e => e!["id"]!.GetValue<string>() == "lst_bge-m3" && e["reason"]!.GetValue<string>().Contains("target", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_quote_is_issued_read_printed_and_accepted_once_and_only_its_customer_and_operators_see_it()
    {
        var customer = await CustomerAsync();
        var stranger = await CustomerAsync();

        using var created = await customer.PostAsJsonAsync("/api/v1/quotes", SolutionFlows.QuoteBody);
        var quote = await created.ReadObjectAsync();
        var id = quote["id"]!.GetValue<string>();
        using var pdf = await customer.GetAsync($"/api/v1/quotes/{id}/pdf");
        var hidden = await stranger.GetAsync($"/api/v1/quotes/{id}");
        var strangerAccept = await stranger.PostAsync($"/api/v1/quotes/{id}/accept", null);
        var accepted = await (await customer.PostAsync($"/api/v1/quotes/{id}/accept", null)).ReadObjectAsync();
        using var again = await customer.PostAsync($"/api/v1/quotes/{id}/accept", null);
        var order = await customer.GetFromJsonAsync<JsonObject>($"/api/v1/orders/{accepted["orderId"]!.GetValue<string>()}");
        var operatorView = await factory.Admin().GetFromJsonAsync<JsonObject>($"/api/v1/quotes/{id}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/v1/quotes/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal((1, "Open", "USD"), (quote["version"]!.GetValue<int>(), quote["status"]!.GetValue<string>(), quote["currency"]!.GetValue<string>()));
        Assert.Equal(quote["totalMinor"]!.GetValue<long>(), Sum(quote["lines"]!));
        var validFor = quote["validUntil"]!.GetValue<DateTimeOffset>() - quote["issuedAt"]!.GetValue<DateTimeOffset>();
        Assert.Equal(TimeSpan.FromDays(30), validFor);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..5]));
        await hidden.AssertProblemAsync(HttpStatusCode.NotFound);
        await strangerAccept.AssertProblemAsync(HttpStatusCode.NotFound);
        // What is bought outright is invoiced with the order (billing: BillingApiTests).
        Assert.Single(accepted["invoiceIds"]!.AsArray());
        Assert.Equal("quote.already_accepted", (await again.AssertProblemAsync(HttpStatusCode.Conflict))["code"]!.GetValue<string>());
        Assert.Equal(quote["totalMinor"]!.GetValue<long>(), order!["totalMinor"]!.GetValue<long>());
        // One line per partner (and tax, where there is any); they sum to the total.
        var partners = order["lines"]!.AsArray().Select(l => l!["partnerId"]!.GetValue<string>()).ToList();
        Assert.Equal(partners.Distinct().Count(), partners.Count);
        Assert.Equal(order["totalMinor"]!.GetValue<long>(), Sum(order["lines"]!));
        Assert.Equal("Accepted", operatorView!["status"]!.GetValue<string>());
        Assert.Contains((await customer.GetFromJsonAsync<JsonArray>("/api/v1/quotes?status=Accepted"))!, q => q!["id"]!.GetValue<string>() == id);
        Assert.DoesNotContain((await customer.GetFromJsonAsync<JsonArray>("/api/v1/quotes?status=Open"))!, q => q!["id"]!.GetValue<string>() == id);
        await (await customer.GetAsync("/api/v1/quotes?status=Maybe")).AssertInvalidFieldsAsync("status");
    }

    [Fact]
    public async Task A_quote_with_too_few_servers_is_a_400_saying_why()
    {
        var customer = await CustomerAsync();
        var body = JsonSerializer(SolutionFlows.QuoteBody);
        body["hardwareUnits"] = 1;

        using var response = await customer.PostAsJsonAsync("/api/v1/quotes", body);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("needs at least 2", problem["errors"]!["hardwareUnits"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task A_quote_flags_listings_re_versioned_or_deprecated_since_and_a_re_quote_offers_the_current_versions()
    {
        // A partner of its own selling only in Iceland, so no other test's listings mix in.
        var (partner, owner) = await factory.MemberOfNewOrganizationAsync("Partner", "Owner");
        await PartnerFlows.OnboardAndVerifyAsync(factory, partner, owner);
        var integrator = await PublishAsync(owner, new
        {
            partnerId = partner, kind = "Integrator", name = "Polar roll-outs", summary = "Deployments at research stations on the ice",
            industries = new[] { "finance" }, regions = new[] { "IS" }, capabilities = new[] { "rag" }, projectDays = 5,
            pricing = new { currency = "USD", fixedFeeMinor = 1_000_000, dayRateMinor = 100_000 },
        });
        var hardware = await PublishAsync(owner, new
        {
            partnerId = partner, kind = "Hardware", name = "Polar L4 box", summary = "One NVIDIA L4 in a ruggedised chassis for the ice",
            regions = new[] { "IS" }, acceleratorType = "NVIDIA L4", acceleratorCount = 1, memoryPerAcceleratorGb = 24, peakBf16Tflops = 121, memoryBandwidthGbps = 300,
            pricing = new { currency = "USD", purchasePriceMinor = 900_000 },
        });
        var customer = await CustomerAsync();
        var quote = await (await customer.PostAsJsonAsync("/api/v1/quotes", new
        {
            modelId = "lst_bge-m3", integratorId = integrator, hardwareId = hardware,
            requirements = new { industry = "finance", task = "text-embedding", peakRequestsPerSecond = 5, latencyP95Ms = 500, deployment = "Private", region = "IS", termMonths = 12, currency = "USD" },
        })).ReadObjectAsync();
        var id = quote["id"]!.GetValue<string>();

        // The integrator publishes a new version; the quote says so and a re-quote takes it.
        await PartnerFlows.Ok(owner.PutAsJsonAsync($"/api/v1/listings/{integrator}", new
        {
            partnerId = partner, kind = "Integrator", name = "Polar roll-outs", summary = "Deployments at research stations on the ice",
            industries = new[] { "finance" }, regions = new[] { "IS" }, capabilities = new[] { "rag" }, projectDays = 5,
            pricing = new { currency = "USD", fixedFeeMinor = 2_000_000, dayRateMinor = 100_000 },
        }));
        await PartnerFlows.Ok(owner.PostAsync($"/api/v1/listings/{integrator}/submit", null));
        await PartnerFlows.Ok(factory.Admin().PostAsJsonAsync($"/api/v1/admin/listings/{integrator}/approve", new { note = "ok" }));
        var flagged = await EventuallyAsync(() => customer.GetFromJsonAsync<JsonObject>($"/api/v1/quotes/{id}")!, q => q!["changes"]!.AsArray().Count > 0);
        var requoted = await (await customer.PostAsync($"/api/v1/quotes/{id}/requote", null)).ReadObjectAsync();
        // The hardware is withdrawn: flagged, and a re-quote is refused naming it.
        await PartnerFlows.Ok(owner.PostAsJsonAsync($"/api/v1/listings/{hardware}/deprecate", new { reason = "end of life" }));
        var withdrawn = await EventuallyAsync(() => customer.GetFromJsonAsync<JsonObject>($"/api/v1/quotes/{id}")!, q => q!["changes"]!.AsArray().Any(c => c!["listingId"]!.GetValue<string>() == hardware));
        using var refused = await customer.PostAsync($"/api/v1/quotes/{id}/requote", null);

        var change = flagged!["changes"]![0]!;
        Assert.Equal((integrator, "1.0.0", "1.1.0"), (change["listingId"]!.GetValue<string>(), change["quotedVersion"]!.GetValue<string>(), change["currentVersion"]!.GetValue<string>()));
        Assert.Equal(2, requoted["version"]!.GetValue<int>());
        Assert.Equal("1.1.0", requoted["integrator"]!["version"]!.GetValue<string>());
        Assert.Equal(quote["totalMinor"]!.GetValue<long>() + 1_000_000, requoted["totalMinor"]!.GetValue<long>());
        Assert.Equal([1, 2], requoted["versions"]!.AsArray().Select(v => v!["version"]!.GetValue<int>()));
        Assert.Contains("no longer offered", withdrawn!["changes"]!.AsArray().Single(c => c!["listingId"]!.GetValue<string>() == hardware)!["note"]!.GetValue<string>());
        var problem = await refused.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("quote.listing_withdrawn", problem["code"]!.GetValue<string>());
        Assert.Contains(hardware, problem["details"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Operators_set_the_take_rate_tax_and_exchange_rates_that_quotes_state()
    {
        using var rate = await factory.Admin().PutAsJsonAsync("/api/v1/admin/terms/exchange-rates", new { from = "USD", to = "EUR", rate = "0.9217" });
        using var tax = await factory.Admin().PutAsJsonAsync("/api/v1/admin/terms/tax-rates/NL", new { basisPoints = 2100 });
        using var badRate = await factory.Admin().PutAsJsonAsync("/api/v1/admin/terms/exchange-rates", new { from = "USD", to = "EUR", rate = 0.9217 });
        using var badString = await factory.Admin().PutAsJsonAsync("/api/v1/admin/terms/exchange-rates", new { from = "USD", to = "EUR", rate = "-1" });
        var customer = await CustomerAsync();

        var body = await (await customer.PostAsJsonAsync("/api/v1/solutions/candidates", new
        {
            industry = "finance", task = "text-embedding", peakRequestsPerSecond = 20, latencyP95Ms = 200, deployment = "Private", region = "NL", termMonths = 12, currency = "EUR",
        })).ReadObjectAsync();

        Assert.Equal(HttpStatusCode.OK, rate.StatusCode);
        Assert.Equal(HttpStatusCode.OK, tax.StatusCode);
        await badRate.AssertInvalidFieldsAsync("rate");
        await badString.AssertInvalidFieldsAsync("rate");
        Assert.Equal(2100, body["taxRateBasisPoints"]!.GetValue<int>());
        var best = body["candidates"]![0]!;
        Assert.Equal("EUR", best["currency"]!.GetValue<string>());
        var taxLine = best["lines"]!.AsArray().Single(l => l!["kind"]!.GetValue<string>() == "Tax");
        var subtotal = best["totalCostMinor"]!.GetValue<long>() - taxLine!["amountMinor"]!.GetValue<long>();
        Assert.Equal((long)Math.Round(subtotal * 0.21m, MidpointRounding.AwayFromZero), taxLine["amountMinor"]!.GetValue<long>());
    }

    private static JsonObject JsonSerializer(object value) => System.Text.Json.JsonSerializer.SerializeToNode(value)!.AsObject();

    private async Task<string> PublishAsync(HttpClient owner, object body)
    {
        using var created = await owner.PostAsJsonAsync("/api/v1/listings", body);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.ReadObjectAsync())["id"]!.GetValue<string>();
        await PartnerFlows.Ok(owner.PostAsync($"/api/v1/listings/{id}/submit", null));
        await PartnerFlows.Ok(factory.Admin().PostAsJsonAsync($"/api/v1/admin/listings/{id}/approve", new { note = "ok" }));
        // Published listings reach this host's catalog index through the feed.
        await EventuallyAsync(() => factory.CreateClient().GetAsync($"/api/v1/catalog/items/{id}"), r => r.IsSuccessStatusCode);
        return id;
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> probe, Func<T, bool> done)
    {
        for (var i = 0; i < 100; i++)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }
            await Task.Delay(50);
        }
        return await probe();
    }
}
