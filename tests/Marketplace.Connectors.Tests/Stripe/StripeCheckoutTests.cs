using System.Net;
using System.Text;
using Marketplace.Abstractions.Billing;
using Marketplace.Connectors.Stripe;
using Microsoft.Extensions.Options;

namespace Marketplace.Connectors.Tests.Stripe;

/// <summary>
/// Stripe Checkout at the HTTP level (the stateful mock has no Checkout): the request Stripe.net
/// sends is checked field by field, and the answer is shaped as Stripe documents a Session.
/// </summary>
public sealed class StripeCheckoutTests
{
    private sealed class StripeStub : HttpMessageHandler
    {
        public List<(HttpRequestMessage Request, string Body)> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add((request, request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken)));
            const string session = """{"id":"cs_test_1","object":"checkout.session","mode":"payment","payment_status":"unpaid","url":"https://checkout.stripe.com/c/pay/cs_test_1"}""";
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(session, Encoding.UTF8, "application/json") };
        }
    }

    private static (StripeCheckout Checkout, StripeStub Stub) Create(string? key = "sk_test_marketplace")
    {
        var stub = new StripeStub();
        var options = Options.Create(new StripeOptions { SecretKey = key, ApiBase = "http://stripe.test" });
        return (new StripeCheckout(options, new HttpClient(stub)), stub);
    }

    [Fact]
    public async Task A_checkout_session_carries_the_amount_due_the_invoice_in_its_metadata_and_transfer_group_and_an_idempotency_key()
    {
        var (checkout, stub) = Create();

        var url = await checkout.CreateAsync(new CheckoutRequest("inv_abc-0", "USD", 12_345, "Upfront: ResNet-50 on 2 × L4", "https://m.example/invoices/inv_abc-0?paid=card", "https://m.example/invoices/inv_abc-0"), CancellationToken.None);

        Assert.Equal("https://checkout.stripe.com/c/pay/cs_test_1", url);
        var (request, body) = Assert.Single(stub.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("http://stripe.test/v1/checkout/sessions", request.RequestUri!.ToString());
        Assert.Equal("Bearer sk_test_marketplace", request.Headers.Authorization!.ToString());
        Assert.Equal("checkout:inv_abc-0:12345", request.Headers.GetValues("Idempotency-Key").Single());
        Assert.Equal("application/x-www-form-urlencoded", request.Content!.Headers.ContentType!.MediaType);
        var form = body.Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p[1].Replace('+', ' ')));
        Assert.Equal("payment", form["mode"]);
        Assert.Equal("12345", form["line_items[0][price_data][unit_amount]"]);
        Assert.Equal("usd", form["line_items[0][price_data][currency]"]);
        Assert.Equal("1", form["line_items[0][quantity]"]);
        Assert.Equal("inv_abc-0", form["metadata[invoice_id]"]);
        Assert.Equal("inv_abc-0", form["payment_intent_data[transfer_group]"]);
        Assert.Equal("inv_abc-0", form["payment_intent_data[metadata][invoice_id]"]);
        Assert.Equal("inv_abc-0", form["client_reference_id"]);
    }

    [Fact]
    public void Without_a_secret_key_card_payments_are_off() => Assert.False(Create(key: null).Checkout.Configured);
}
