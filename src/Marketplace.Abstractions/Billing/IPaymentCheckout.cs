namespace Marketplace.Abstractions.Billing;

/// <summary>A hosted payment page at a gateway for what an invoice still owes (Stripe Checkout).</summary>
public interface IPaymentCheckout
{
    /// <summary>Whether card payments are configured (a secret key is set).</summary>
    bool Configured { get; }

    /// <summary>The page's address; creating it twice for the same invoice and amount is the same page.</summary>
    Task<string> CreateAsync(CheckoutRequest request, CancellationToken cancellationToken);
}

public sealed record CheckoutRequest(string InvoiceId, string Currency, long AmountMinor, string Description, string SuccessUrl, string CancelUrl);
