using Marketplace.Abstractions.Billing;
using Microsoft.Extensions.Options;
using Stripe;
using Stripe.Checkout;

namespace Marketplace.Connectors.Stripe;

/// <summary>
/// Verifies Stripe's signature on a delivery (HMAC over the timestamp and the raw body, within the
/// tolerance) with Stripe.net's <see cref="EventUtility"/>, and reads a payment from the two events
/// that mean money arrived: a Checkout Session completed and paid, or a PaymentIntent succeeded. Our
/// invoice id travels in the metadata we set when creating them.
/// </summary>
public sealed class StripeWebhooks(IOptions<StripeOptions> options) : IPaymentWebhooks
{
    public const string InvoiceMetadataKey = "invoice_id";

    public bool Configured => !string.IsNullOrWhiteSpace(options.Value.WebhookSecret);

    public PaymentNotice Verify(string payload, string? signatureHeader)
    {
        if (!Configured)
        {
            throw new WebhookSignatureException("Stripe webhooks are not configured on this marketplace.");
        }
        if (string.IsNullOrWhiteSpace(signatureHeader))
        {
            throw new WebhookSignatureException("The delivery carries no Stripe-Signature header.");
        }
        Event stripeEvent;
        try
        {
            stripeEvent = EventUtility.ConstructEvent(payload, signatureHeader, options.Value.WebhookSecret, options.Value.ToleranceSeconds, throwOnApiVersionMismatch: false);
        }
        catch (StripeException e)
        {
            // Stripe.net says whether the signature did not match or the timestamp is too old; neither says anything secret.
            throw new WebhookSignatureException($"The Stripe signature does not verify: {e.Message}", e);
        }
        return stripeEvent.Data.Object switch
        {
            PaymentIntent intent when stripeEvent.Type == EventTypes.PaymentIntentSucceeded => new PaymentNotice(
                stripeEvent.Id, stripeEvent.Type, true, intent.Metadata?.GetValueOrDefault(InvoiceMetadataKey), intent.AmountReceived, intent.Currency?.ToUpperInvariant(), intent.Id),
            Session session when stripeEvent.Type == EventTypes.CheckoutSessionCompleted && session.PaymentStatus == "paid" => new PaymentNotice(
                stripeEvent.Id, stripeEvent.Type, true, session.Metadata?.GetValueOrDefault(InvoiceMetadataKey) ?? session.ClientReferenceId, session.AmountTotal ?? 0,
                session.Currency?.ToUpperInvariant(), session.PaymentIntentId ?? session.Id),
            _ => new PaymentNotice(stripeEvent.Id, stripeEvent.Type, false, null, 0, null, null),
        };
    }
}
