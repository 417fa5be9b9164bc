using Marketplace.Abstractions.Billing;
using Microsoft.Extensions.Options;
using Stripe;
using Stripe.Checkout;

namespace Marketplace.Connectors.Stripe;

/// <summary>
/// Stripe Checkout for an invoice: one payment-mode session for the amount due, the invoice id in the
/// session's and the PaymentIntent's metadata (the webhook reads it back) and as the transfer group
/// (the partners' transfers join it), and an idempotency key derived from the invoice and amount, so a
/// retried request is the same session. One <see cref="StripeClient"/>, keys from configuration.
/// </summary>
public sealed class StripeCheckout : IPaymentCheckout
{
    private readonly StripeClient? _client;

    /// <summary>With the process's one client, shared with the payout services and their rate limiter.</summary>
    public StripeCheckout(StripeGateway gateway) => _client = gateway.Configured ? gateway.Client : null;

    public StripeCheckout(IOptions<StripeOptions> options, HttpClient? http = null)
    {
        var settings = options.Value;
        if (!string.IsNullOrWhiteSpace(settings.SecretKey))
        {
            _client = new StripeClient(new StripeClientOptions
            {
                ApiKey = settings.SecretKey,
                ApiBase = settings.ApiBase ?? StripeClient.DefaultApiBase,
                HttpClient = new SystemNetHttpClient(http ?? new HttpClient(), maxNetworkRetries: 2),
            });
        }
    }

    public bool Configured => _client is not null;

    public async Task<string> CreateAsync(CheckoutRequest request, CancellationToken cancellationToken)
    {
        var client = _client ?? throw new InvalidOperationException("Stripe is not configured (Marketplace:Stripe:SecretKey).");
        var metadata = new Dictionary<string, string> { [StripeWebhooks.InvoiceMetadataKey] = request.InvoiceId };
        var session = await new SessionService(client).CreateAsync(
            new SessionCreateOptions
            {
                Mode = "payment",
                ClientReferenceId = request.InvoiceId,
                Metadata = metadata,
                PaymentIntentData = new SessionPaymentIntentDataOptions { TransferGroup = request.InvoiceId, Metadata = metadata },
                LineItems =
                [
                    new SessionLineItemOptions
                    {
                        Quantity = 1,
                        PriceData = new SessionLineItemPriceDataOptions
                        {
                            Currency = request.Currency.ToLowerInvariant(),
                            UnitAmount = request.AmountMinor,
                            ProductData = new SessionLineItemPriceDataProductDataOptions { Name = request.Description },
                        },
                    },
                ],
                SuccessUrl = request.SuccessUrl,
                CancelUrl = request.CancelUrl,
            },
            new RequestOptions { IdempotencyKey = $"checkout:{request.InvoiceId}:{request.AmountMinor}" },
            cancellationToken);
        return session.Url;
    }
}
