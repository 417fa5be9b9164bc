using Marketplace.Abstractions.Billing;
using Stripe;

namespace Marketplace.Connectors.Stripe;

/// <summary>
/// Refunds by PaymentIntent (card payments through Checkout) or by charge. <c>reverse_transfer</c> is
/// left off on purpose: partners' transfers are separate from the charge, and the ledger decides how
/// much of each share to claw back, through <see cref="StripeTransfers.ReverseAsync"/>.
/// </summary>
public sealed class StripeRefunds(StripeGateway gateway) : IPaymentRefunds
{
    public bool Configured => gateway.Configured;

    public async Task<GatewayRefund> RefundAsync(string operationId, string paymentId, long amountMinor, string reference, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(paymentId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amountMinor);
        var options = new RefundCreateOptions
        {
            Amount = amountMinor,
            Metadata = new Dictionary<string, string>
            {
                [StripeWebhooks.InvoiceMetadataKey] = reference,
                [StripeTransfers.OperationMetadataKey] = operationId,
            },
        };
        if (paymentId.StartsWith("pi_", StringComparison.Ordinal))
        {
            options.PaymentIntent = paymentId;
        }
        else if (paymentId.StartsWith("ch_", StringComparison.Ordinal) || paymentId.StartsWith("py_", StringComparison.Ordinal))
        {
            options.Charge = paymentId;
        }
        else
        {
            throw new ArgumentException($"'{paymentId}' is neither a Stripe PaymentIntent (pi_…) nor a charge (ch_…, py_…).", nameof(paymentId));
        }
        var refund = await gateway.CallAsync(client => new RefundService(client).CreateAsync(options, StripeGateway.Idempotent("refund", operationId), cancellationToken));
        return new GatewayRefund(refund.Id, refund.Amount, refund.Currency.ToUpperInvariant(), StripeRecords.RefundStatus(refund.Status));
    }
}
