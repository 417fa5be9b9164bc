using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Marketplace.Api.Tests;

/// <summary>
/// Stripe's webhook over HTTP, signed the way Stripe signs (HMAC-SHA256 of "timestamp.body" with the
/// endpoint secret): forgeries, tampering and stale deliveries change nothing; duplicates and any
/// delivery order record a payment once.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class StripeWebhookApiTests(MarketplaceFactory factory)
{
    private async Task<JsonObject> OpenInvoiceAsync()
    {
        var (_, customer) = await factory.MemberOfNewOrganizationAsync("Customer", "Owner");
        var (_, invoiceId) = await SolutionFlows.AcceptForInvoiceAsync(customer, await SolutionFlows.QuoteAsync(customer));
        return (await factory.Admin().GetFromJsonAsync<JsonObject>($"/api/v1/invoices/{invoiceId}"))!;
    }

    private static string Sign(string payload, string secret, DateTimeOffset at)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{payload}"));
        return $"t={timestamp},v1={Convert.ToHexStringLower(mac)}";
    }

    private static string PaymentIntentSucceeded(string eventId, string invoiceId, long amount, string intentId) => $$"""
        {"id":"{{eventId}}","object":"event","api_version":"2026-10-28.endive","created":{{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}},"type":"payment_intent.succeeded",
         "data":{"object":{"id":"{{intentId}}","object":"payment_intent","amount":{{amount}},"amount_received":{{amount}},"currency":"usd","status":"succeeded","metadata":{"invoice_id":"{{invoiceId}}"} } } }
        """;

    private static string CheckoutCompleted(string eventId, string invoiceId, long amount, string intentId) => $$"""
        {"id":"{{eventId}}","object":"event","api_version":"2026-10-28.endive","created":{{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}},"type":"checkout.session.completed",
         "data":{"object":{"id":"cs_{{intentId}}","object":"checkout.session","amount_total":{{amount}},"currency":"usd","payment_status":"paid","payment_intent":"{{intentId}}","client_reference_id":"{{invoiceId}}","metadata":{"invoice_id":"{{invoiceId}}"} } } }
        """;

    private Task<HttpResponseMessage> DeliverAsync(string payload, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/webhooks/stripe") { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("Stripe-Signature", signature);
        }
        return factory.CreateClient().SendAsync(request);
    }

    private async Task<JsonObject> InvoiceAsync(string id) => (await factory.Admin().GetFromJsonAsync<JsonObject>($"/api/v1/invoices/{id}"))!;

    [Fact]
    public async Task A_signed_payment_event_pays_the_invoice_and_splits_it_on_the_ledger()
    {
        var invoice = await OpenInvoiceAsync();
        var id = invoice["id"]!.GetValue<string>();
        var total = invoice["totalMinor"]!.GetValue<long>();
        var payload = PaymentIntentSucceeded($"evt_{Guid.NewGuid():N}", id, total, $"pi_{Guid.NewGuid():N}");

        using var response = await DeliverAsync(payload, Sign(payload, MarketplaceFactory.StripeWebhookSecret, DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("recorded", (await response.ReadObjectAsync())["outcome"]!.GetValue<string>(), StringComparison.Ordinal);
        var paid = await InvoiceAsync(id);
        Assert.Equal("Paid", paid["status"]!.GetValue<string>());
        Assert.Equal("Stripe", paid["payments"]![0]!["method"]!.GetValue<string>());
        Assert.True((await factory.Admin().GetFromJsonAsync<JsonObject>("/api/v1/admin/ledger/trial-balance"))!["balanced"]!.GetValue<bool>());
    }

    public static TheoryData<string> BadSignatures() => ["forged", "tampered", "stale", "missing", "garbled"];

    [Theory]
    [MemberData(nameof(BadSignatures))]
    public async Task A_forged_tampered_stale_or_missing_signature_is_a_400_and_changes_nothing(string how)
    {
        var invoice = await OpenInvoiceAsync();
        var id = invoice["id"]!.GetValue<string>();
        var payload = PaymentIntentSucceeded($"evt_{Guid.NewGuid():N}", id, invoice["totalMinor"]!.GetValue<long>(), $"pi_{Guid.NewGuid():N}");
        var signature = how switch
        {
            "forged" => Sign(payload, "whsec_someone_else", DateTimeOffset.UtcNow),
            "tampered" => Sign(payload.Replace("\"usd\"", "\"USD\"", StringComparison.Ordinal), MarketplaceFactory.StripeWebhookSecret, DateTimeOffset.UtcNow),
            "stale" => Sign(payload, MarketplaceFactory.StripeWebhookSecret, DateTimeOffset.UtcNow.AddMinutes(-10)),
            "garbled" => "t=abc,v1=zz",
            _ => null,
        };

        using var response = await DeliverAsync(payload, signature);

        await response.AssertInvalidFieldsAsync("Stripe-Signature");
        Assert.Equal("Open", (await InvoiceAsync(id))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Duplicates_and_any_delivery_order_record_one_payment()
    {
        var invoice = await OpenInvoiceAsync();
        var id = invoice["id"]!.GetValue<string>();
        var total = invoice["totalMinor"]!.GetValue<long>();
        var intent = $"pi_{Guid.NewGuid():N}";
        var intentEvent = PaymentIntentSucceeded($"evt_{Guid.NewGuid():N}", id, total, intent);
        var checkoutEvent = CheckoutCompleted($"evt_{Guid.NewGuid():N}", id, total, intent);
        var deliveries = new[] { checkoutEvent, intentEvent, checkoutEvent, intentEvent, intentEvent }.OrderBy(_ => Random.Shared.Next()).ToList();

        var answers = await Task.WhenAll(deliveries.Select(p => DeliverAsync(p, Sign(p, MarketplaceFactory.StripeWebhookSecret, DateTimeOffset.UtcNow))));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var paid = await InvoiceAsync(id);
        Assert.Equal("Paid", paid["status"]!.GetValue<string>());
        Assert.Single(paid["payments"]!.AsArray());
        Assert.Equal(intent, paid["payments"]![0]!["reference"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_event_billing_does_not_act_on_or_for_an_unknown_invoice_is_acknowledged_and_changes_nothing()
    {
        var other = $$"""{"id":"evt_{{Guid.NewGuid():N}}","object":"event","api_version":"2026-10-28.endive","created":1,"type":"customer.created","data":{"object":{"id":"cus_1","object":"customer"} } }""";
        var unknown = PaymentIntentSucceeded($"evt_{Guid.NewGuid():N}", "inv_nothing-0", 100, "pi_x");

        var ignored = await (await DeliverAsync(other, Sign(other, MarketplaceFactory.StripeWebhookSecret, DateTimeOffset.UtcNow))).ReadObjectAsync();
        var noInvoice = await (await DeliverAsync(unknown, Sign(unknown, MarketplaceFactory.StripeWebhookSecret, DateTimeOffset.UtcNow))).ReadObjectAsync();

        Assert.StartsWith("ignored", ignored["outcome"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("ignored", noInvoice["outcome"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_secret_key_card_payments_are_refused_with_a_409_pointing_to_the_bank_transfer()
    {
        var invoice = await OpenInvoiceAsync();
        var owner = factory.Admin();

        using var response = await owner.PostAsync($"/api/v1/invoices/{invoice["id"]!.GetValue<string>()}/checkout", null);

        Assert.Equal("payments.card_unavailable", (await response.AssertProblemAsync(HttpStatusCode.Conflict))["code"]!.GetValue<string>());
    }
}
