using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Marketplace.Api.Tests;

/// <summary>Invoices from accepted quotes, offline payments, refunds with clawback, partner earnings, payouts and the trial balance, over HTTP.</summary>
[Collection(ApiCollection.Name)]
public sealed class BillingApiTests(MarketplaceFactory factory)
{
    private static long Sum(JsonNode lines) => lines.AsArray().Sum(l => l!["amountMinor"]!.GetValue<long>());

    private async Task<(HttpClient Customer, JsonObject Invoice)> AcceptedAsync()
    {
        var (_, customer) = await factory.MemberOfNewOrganizationAsync("Customer", "Owner");
        var (_, invoiceId) = await SolutionFlows.AcceptForInvoiceAsync(customer, await SolutionFlows.QuoteAsync(customer));
        return (customer, (await customer.GetFromJsonAsync<JsonObject>($"/api/v1/invoices/{invoiceId}"))!);
    }

    private Task<HttpResponseMessage> PayAsync(string invoiceId, long amount, string reference, HttpClient? client = null) =>
        (client ?? factory.Admin()).PostAsJsonAsync($"/api/v1/invoices/{invoiceId}/payments", new { method = "Offline", amountMinor = amount, reference });

    private async Task<JsonObject> TrialBalanceAsync() => (await factory.Admin().GetFromJsonAsync<JsonObject>("/api/v1/admin/ledger/trial-balance"))!;

    private async Task<JsonObject> EarningsAsync(string partnerId) => (await factory.Admin().GetFromJsonAsync<JsonObject>($"/api/v1/partners/{partnerId}/earnings?currency=USD"))!;

    private static IEnumerable<string> Partners(JsonObject invoice) =>
        invoice["lines"]!.AsArray().Where(l => !l!["isTax"]!.GetValue<bool>()).Select(l => l!["partnerId"]!.GetValue<string>()).Distinct();

    [Fact]
    public async Task Accepting_a_quote_issues_the_upfront_invoice_that_only_its_customer_and_operators_read()
    {
        var (customer, invoice) = await AcceptedAsync();
        var id = invoice["id"]!.GetValue<string>();
        var (_, stranger) = await factory.MemberOfNewOrganizationAsync("Customer", "Owner");

        Assert.Equal(("Open", "USD"), (invoice["status"]!.GetValue<string>(), invoice["currency"]!.GetValue<string>()));
        Assert.Equal(invoice["totalMinor"]!.GetValue<long>(), Sum(invoice["lines"]!));
        Assert.True(invoice["totalMinor"]!.GetValue<long>() > 0);
        Assert.Equal(TimeSpan.FromDays(30), invoice["dueAt"]!.GetValue<DateTimeOffset>() - invoice["issuedAt"]!.GetValue<DateTimeOffset>());
        Assert.StartsWith("ord_", invoice["orderId"]!.GetValue<string>(), StringComparison.Ordinal);
        await (await stranger.GetAsync($"/api/v1/invoices/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.GetAsync($"/api/v1/invoices/{id}/pdf")).AssertProblemAsync(HttpStatusCode.NotFound);
        using var pdf = await customer.GetAsync($"/api/v1/invoices/{id}/pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..5]));
        Assert.Contains((await customer.GetFromJsonAsync<JsonArray>("/api/v1/invoices?status=Open"))!, i => i!["id"]!.GetValue<string>() == id);
        Assert.DoesNotContain((await stranger.GetFromJsonAsync<JsonArray>("/api/v1/invoices"))!, i => i!["id"]!.GetValue<string>() == id);
        Assert.Contains((await factory.Admin().GetFromJsonAsync<JsonArray>("/api/v1/invoices"))!, i => i!["id"]!.GetValue<string>() == id);
        await (await customer.GetAsync("/api/v1/invoices?status=Maybe")).AssertInvalidFieldsAsync("status");
        Assert.True((await TrialBalanceAsync())["balanced"]!.GetValue<bool>());
    }

    [Fact]
    public async Task An_operator_records_the_bank_transfer_the_partners_earn_their_shares_and_the_ledger_balances()
    {
        var (customer, invoice) = await AcceptedAsync();
        var id = invoice["id"]!.GetValue<string>();
        var total = invoice["totalMinor"]!.GetValue<long>();
        var partners = Partners(invoice).ToList();
        var before = new Dictionary<string, long>();
        foreach (var partner in partners)
        {
            before[partner] = (await EarningsAsync(partner))["payableMinor"]!.GetValue<long>();
        }

        var own = await PayAsync(id, total, "own", customer);
        var paid = await (await PayAsync(id, total, "BANK-REF-1")).ReadObjectAsync();
        var retried = await (await PayAsync(id, total, "BANK-REF-1")).ReadObjectAsync();
        using var again = await PayAsync(id, 1, "BANK-REF-2");

        await own.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("Paid", paid["status"]!.GetValue<string>());
        Assert.Single(retried["payments"]!.AsArray());
        Assert.Equal("invoice.paid", (await again.AssertProblemAsync(HttpStatusCode.Conflict))["code"]!.GetValue<string>());
        // Each partner's payable grew by its share of its lines at the quote's take rate.
        var quote = (await customer.GetFromJsonAsync<JsonObject>($"/api/v1/quotes/{invoice["orderId"]!.GetValue<string>().Replace("ord_", "qte_", StringComparison.Ordinal)}"))!;
        foreach (var partner in partners)
        {
            var lines = invoice["lines"]!.AsArray().Where(l => l!["partnerId"]!.GetValue<string>() == partner && !l["isTax"]!.GetValue<bool>());
            var expected = lines.Sum(l => l!["amountMinor"]!.GetValue<long>() - (l["amountMinor"]!.GetValue<long>() * quote["takeRateBasisPoints"]!.GetValue<int>() / 10_000));
            var earned = (await EarningsAsync(partner))["payableMinor"]!.GetValue<long>() - before[partner];
            Assert.InRange(earned, expected - lines.Count(), expected + lines.Count());
        }
        Assert.True((await TrialBalanceAsync())["balanced"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Concurrent_payments_book_the_invoice_once_whether_retried_under_one_reference_or_sent_under_many()
    {
        var (_, first) = await AcceptedAsync();
        var (_, second) = await AcceptedAsync();
        var sameId = first["id"]!.GetValue<string>();
        var manyId = second["id"]!.GetValue<string>();

        var same = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PayAsync(sameId, first["totalMinor"]!.GetValue<long>(), "one-transfer")));
        var many = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => PayAsync(manyId, second["totalMinor"]!.GetValue<long>(), $"transfer-{i}")));

        Assert.All(same, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single((await factory.Admin().GetFromJsonAsync<JsonObject>($"/api/v1/invoices/{sameId}"))!["payments"]!.AsArray());
        Assert.Single(many, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(many.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var paid = (await factory.Admin().GetFromJsonAsync<JsonObject>($"/api/v1/invoices/{manyId}"))!;
        Assert.Equal(paid["totalMinor"]!.GetValue<long>(), paid["paidMinor"]!.GetValue<long>());
        Assert.True((await TrialBalanceAsync())["balanced"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_refund_claws_back_the_partners_shares_even_after_a_payout_and_more_than_was_paid_is_refused()
    {
        var (_, invoice) = await AcceptedAsync();
        var id = invoice["id"]!.GetValue<string>();
        var total = invoice["totalMinor"]!.GetValue<long>();
        var partner = invoice["lines"]!.AsArray().Where(l => !l!["isTax"]!.GetValue<bool>()).MaxBy(l => l!["amountMinor"]!.GetValue<long>())!["partnerId"]!.GetValue<string>();
        await PayAsync(id, total, "refund-test");
        var payoutRequest = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/partners/{partner}/payouts?currency=USD") { Headers = { { "Idempotency-Key", $"payout-{id}" } } };
        var payout = await (await factory.Admin().SendAsync(payoutRequest)).ReadObjectAsync();
        var afterPayout = await EarningsAsync(partner);

        using var tooMuch = await factory.Admin().PostAsJsonAsync($"/api/v1/invoices/{id}/refunds", new { amountMinor = total + 1, reason = "more than paid" });
        var refunded = await (await factory.Admin().PostAsJsonAsync($"/api/v1/invoices/{id}/refunds", new { amountMinor = total / 2, reason = "half the project was cancelled" })).ReadObjectAsync();
        var afterRefund = await EarningsAsync(partner);
        var nothingDue = await factory.Admin().SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/partners/{partner}/payouts?currency=USD") { Headers = { { "Idempotency-Key", $"payout-{id}-2" } } });

        Assert.True(payout["amountMinor"]!.GetValue<long>() > 0);
        Assert.Equal(0, afterPayout["payableMinor"]!.GetValue<long>());
        Assert.True(afterPayout["paidOutMinor"]!.GetValue<long>() >= payout["amountMinor"]!.GetValue<long>());
        Assert.Equal("invoice.refund_exceeds_paid", (await tooMuch.AssertProblemAsync(HttpStatusCode.Conflict))["code"]!.GetValue<string>());
        Assert.Equal(total / 2, refunded["refundedMinor"]!.GetValue<long>());
        // The clawed-back share was already paid out: the partner now owes it, and nothing is due to it.
        Assert.True(afterRefund["payableMinor"]!.GetValue<long>() < 0, afterRefund.ToJsonString());
        Assert.Equal(HttpStatusCode.NoContent, nothingDue.StatusCode);
        Assert.True((await TrialBalanceAsync())["balanced"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Voiding_an_unpaid_invoice_reverses_its_booking_and_a_paid_one_must_be_refunded_instead()
    {
        var (customer, invoice) = await AcceptedAsync();
        var (_, paidInvoice) = await AcceptedAsync();
        var id = invoice["id"]!.GetValue<string>();
        var partner = Partners(invoice).First();
        await PayAsync(paidInvoice["id"]!.GetValue<string>(), paidInvoice["totalMinor"]!.GetValue<long>(), "void-test");
        var pendingBefore = (await EarningsAsync(partner))["pendingMinor"]!.GetValue<long>();

        using var byCustomer = await customer.PostAsJsonAsync($"/api/v1/invoices/{id}/void", new { reason = "mine" });
        using var noReason = await factory.Admin().PostAsJsonAsync($"/api/v1/invoices/{id}/void", new { reason = "" });
        var voided = await (await factory.Admin().PostAsJsonAsync($"/api/v1/invoices/{id}/void", new { reason = "issued twice by mistake" })).ReadObjectAsync();
        var again = await (await factory.Admin().PostAsJsonAsync($"/api/v1/invoices/{id}/void", new { reason = "issued twice by mistake" })).ReadObjectAsync();
        using var paid = await factory.Admin().PostAsJsonAsync($"/api/v1/invoices/{paidInvoice["id"]!.GetValue<string>()}/void", new { reason = "too late" });
        using var payVoided = await PayAsync(id, 1, "after-void");

        await byCustomer.AssertProblemAsync(HttpStatusCode.Forbidden);
        await noReason.AssertInvalidFieldsAsync("reason");
        Assert.Equal(("Void", "issued twice by mistake"), (voided["status"]!.GetValue<string>(), voided["voidReason"]!.GetValue<string>()));
        Assert.Equal("Void", again["status"]!.GetValue<string>());
        Assert.Equal("invoice.not_voidable", (await paid.AssertProblemAsync(HttpStatusCode.Conflict))["code"]!.GetValue<string>());
        Assert.Equal("invoice.not_open", (await payVoided.AssertProblemAsync(HttpStatusCode.Conflict))["code"]!.GetValue<string>());
        // The partner's pending share of the voided invoice is gone again; the ledger still balances.
        var lines = invoice["lines"]!.AsArray().Where(l => l!["partnerId"]!.GetValue<string>() == partner && !l["isTax"]!.GetValue<bool>()).ToList();
        var share = lines.Sum(l => l!["amountMinor"]!.GetValue<long>() - (l["amountMinor"]!.GetValue<long>() * l["takeRateBasisPoints"]!.GetValue<int>() / 10_000));
        var released = pendingBefore - (await EarningsAsync(partner))["pendingMinor"]!.GetValue<long>();
        Assert.InRange(released, share - lines.Count, share + lines.Count);
        Assert.True((await TrialBalanceAsync())["balanced"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("""{"method":"Offline","amountMinor":0,"reference":"r"}""", "amountMinor")]
    [InlineData("""{"method":"Cash","amountMinor":100,"reference":"r"}""", "method")]
    [InlineData("""{"method":"Offline","amountMinor":100,"reference":""}""", "reference")]
    public async Task A_bad_payment_is_a_400_naming_the_field_and_changes_nothing(string json, string field)
    {
        var (_, invoice) = await AcceptedAsync();
        var id = invoice["id"]!.GetValue<string>();

        using var response = await factory.Admin().PostAsync($"/api/v1/invoices/{id}/payments", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        await response.AssertInvalidFieldsAsync(field);
        Assert.Equal(0, (await factory.Admin().GetFromJsonAsync<JsonObject>($"/api/v1/invoices/{id}"))!["paidMinor"]!.GetValue<long>());
    }

    [Fact]
    public async Task Unknown_invoices_are_404s()
    {
        await (await factory.Admin().GetAsync("/api/v1/invoices/inv_nothing-0")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await PayAsync("inv_nothing-0", 5, "x")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_operator_credits_part_of_an_open_invoice_and_cannot_write_off_one_not_yet_due()
    {
        var (customer, invoice) = await AcceptedAsync();
        var id = invoice["id"]!.GetValue<string>();
        var total = invoice["totalMinor"]!.GetValue<long>();

        var own = await customer.PostAsJsonAsync($"/api/v1/invoices/{id}/credit-notes", new { amountMinor = 100, reason = "Self-service" });
        var credited = await (await factory.Admin().PostAsJsonAsync($"/api/v1/invoices/{id}/credit-notes", new { amountMinor = 1_000, reason = "Late delivery" })).ReadObjectAsync();
        using var tooMuch = await factory.Admin().PostAsJsonAsync($"/api/v1/invoices/{id}/credit-notes", new { amountMinor = total, reason = "Everything" });
        using var early = await factory.Admin().PostAsJsonAsync($"/api/v1/invoices/{id}/uncollectible", new { reason = "Customer insolvent" });

        await own.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal((total - 1_000, 1_000L), (credited["dueMinor"]!.GetValue<long>(), credited["creditedMinor"]!.GetValue<long>()));
        Assert.StartsWith("CN-", credited["creditNotes"]![0]!["number"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("invoice.credit_exceeds_due", (await tooMuch.AssertProblemAsync(HttpStatusCode.Conflict))["code"]!.GetValue<string>());
        Assert.Equal("invoice.not_overdue", (await early.AssertProblemAsync(HttpStatusCode.Conflict))["code"]!.GetValue<string>());
        await (await factory.Admin().PostAsJsonAsync($"/api/v1/invoices/{id}/credit-notes", new { amountMinor = 0, reason = "x" })).AssertInvalidFieldsAsync("amountMinor");
        var paid = await (await PayAsync(id, total - 1_000, "BANK-AFTER-CREDIT")).ReadObjectAsync();
        Assert.Equal("Paid", paid["status"]!.GetValue<string>());
        Assert.True((await TrialBalanceAsync())["balanced"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Reconciliation_answers_for_the_period_and_says_when_no_gateway_is_configured()
    {
        var report = (await factory.Admin().GetFromJsonAsync<JsonObject>("/api/v1/admin/ledger/reconciliation?currency=usd"))!;

        Assert.Equal(("USD", false), (report["currency"]!.GetValue<string>(), report["gatewayConfigured"]!.GetValue<bool>()));
        Assert.Empty(report["mismatches"]!.AsArray());
        Assert.Equal(TimeSpan.FromDays(30), report["to"]!.GetValue<DateTimeOffset>() - report["from"]!.GetValue<DateTimeOffset>());
        await (await factory.Admin().GetAsync("/api/v1/admin/ledger/reconciliation?currency=XXX")).AssertInvalidFieldsAsync("currency");
        await (await factory.Admin().GetAsync("/api/v1/admin/ledger/reconciliation?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z")).AssertInvalidFieldsAsync("to");
    }
}
