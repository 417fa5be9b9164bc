namespace Marketplace.Abstractions.Billing;

/// <summary>
/// A payment gateway's webhook as the billing use cases read it: verified, and reduced to the one
/// thing billing acts on (money received for an invoice).
/// </summary>
public interface IPaymentWebhooks
{
    /// <summary>Whether the gateway is configured (a signing secret is set); without one every delivery is refused.</summary>
    bool Configured { get; }

    /// <summary>The verified event; throws <see cref="WebhookSignatureException"/> for a forged, tampered or stale delivery.</summary>
    PaymentNotice Verify(string payload, string? signatureHeader);
}

/// <summary>
/// A verified gateway event. <see cref="Paid"/> events carry the invoice (from the metadata we set),
/// the amount received and the gateway's payment id, which is the payment's reference: two events
/// about one payment (a checkout completed, its payment intent succeeded) record it once.
/// </summary>
public sealed record PaymentNotice(string EventId, string Type, bool Paid, string? InvoiceId, long AmountMinor, string? Currency, string? Reference);

public sealed class WebhookSignatureException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Gateway events already handled (key: gateway and event id), so a redelivery changes nothing.</summary>
[Alias("Marketplace.IWebhookInboxGrain")]
public interface IWebhookInboxGrain : IGrainWithStringKey
{
    [Alias("HandledAsync")]
    Task<string?> HandledAsync();

    [Alias("MarkAsync")]
    Task MarkAsync(string outcome);
}
