using Marketplace.Abstractions.Billing;
using Marketplace.Abstractions.Errors;
using Marketplace.Application.Common.Security;
using Marketplace.Domain.Billing;
using Mediator;

namespace Marketplace.Application.Billing;

/// <summary>What a webhook delivery did: recorded a payment, nothing (an event billing ignores), or nothing again (a redelivery).</summary>
public sealed record WebhookReceipt(string EventId, string Outcome);

/// <summary>
/// A delivery from Stripe. Anyone may send one; only a valid signature makes it count, so a forged,
/// tampered or stale delivery is a 400 naming Stripe-Signature and changes nothing. Each event id is
/// handled once, and a payment is recorded under the gateway's payment id, so the events about one
/// payment may arrive in any order and any number of times.
/// </summary>
public sealed record ReceiveStripeWebhook(string Payload, string? Signature) : ICommand<WebhookReceipt>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Anyone;
}

public sealed class ReceiveStripeWebhookHandler(IPaymentWebhooks webhooks, IGrainFactory grains) : ICommandHandler<ReceiveStripeWebhook, WebhookReceipt>
{
    public async ValueTask<WebhookReceipt> Handle(ReceiveStripeWebhook command, CancellationToken cancellationToken)
    {
        PaymentNotice notice;
        try
        {
            notice = webhooks.Verify(command.Payload, command.Signature);
        }
        catch (WebhookSignatureException e)
        {
            throw new RequestValidationException("Stripe-Signature", e.Message);
        }
        var inbox = grains.GetGrain<IWebhookInboxGrain>("stripe:" + notice.EventId);
        if (await inbox.HandledAsync() is { } earlier)
        {
            return new WebhookReceipt(notice.EventId, "duplicate: " + earlier);
        }
        var outcome = await ApplyAsync(notice);
        // Marked after it took effect: a crash in between means a redelivery applies it again, which the payment reference makes harmless.
        await inbox.MarkAsync(outcome);
        return new WebhookReceipt(notice.EventId, outcome);
    }

    private async Task<string> ApplyAsync(PaymentNotice notice)
    {
        if (!notice.Paid)
        {
            return $"ignored: {notice.Type} does not move money billing tracks";
        }
        if (notice.InvoiceId is null || await grains.GetGrain<IInvoiceGrain>(notice.InvoiceId).GetAsync() is not { } invoice)
        {
            return $"ignored: no invoice '{notice.InvoiceId}' on this marketplace";
        }
        if (!string.Equals(invoice.Currency, notice.Currency, StringComparison.Ordinal))
        {
            return $"ignored: paid in {notice.Currency}, invoiced in {invoice.Currency}";
        }
        try
        {
            // A reference already on the invoice is the same payment: the grain answers it without booking it again.
            await grains.GetGrain<IInvoiceGrain>(invoice.Id).PayAsync(PaymentMethods.Stripe, notice.AmountMinor, notice.Reference!, "stripe webhook " + notice.EventId);
            return $"recorded: {notice.AmountMinor} minor units on invoice {invoice.Id}";
        }
        catch (ConflictException e)
        {
            // Paid already (another way) or more than is due: finance sees it in reconciliation, not as a failed delivery.
            return $"not recorded: {e.Message}";
        }
    }
}

public sealed record CheckoutPage(string Url);

/// <summary>
/// A customer pays an open invoice by card: the gateway's hosted page for the amount due. The
/// payment itself is recorded when the gateway's webhook says the money arrived, never on the way
/// back from the page. Without a configured gateway the customer pays by bank transfer (409).
/// </summary>
public sealed record StartCheckout(string InvoiceId, string? ReturnBaseUrl = null) : ICommand<CheckoutPage>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Invoice(InvoiceId);
}

public sealed class StartCheckoutHandler(IPaymentCheckout checkout, IGrainFactory grains) : ICommandHandler<StartCheckout, CheckoutPage>
{
    public async ValueTask<CheckoutPage> Handle(StartCheckout command, CancellationToken cancellationToken)
    {
        var invoice = await grains.GetGrain<IInvoiceGrain>(command.InvoiceId).GetAsync() ?? throw new NotFoundException("Invoice", command.InvoiceId);
        if (!checkout.Configured)
        {
            throw new ConflictException("payments.card_unavailable", "Card payments are not configured on this marketplace; pay by bank transfer with the invoice id as the reference.");
        }
        if (invoice.Status != InvoiceStatus.Open || invoice.DueMinor <= 0)
        {
            throw new ConflictException("invoice.not_open", $"Invoice {invoice.Id} is {invoice.Status}; nothing is due.");
        }
        var back = $"{command.ReturnBaseUrl?.TrimEnd('/')}/invoices/{invoice.Id}";
        var url = await checkout.CreateAsync(new CheckoutRequest(invoice.Id, invoice.Currency, invoice.DueMinor, invoice.Title, back + "?paid=card", back), cancellationToken);
        return new CheckoutPage(url);
    }
}

public sealed record PaymentOptions(bool CardPayments);

/// <summary>How customers can pay here: always by bank transfer; by card when a gateway is configured.</summary>
public sealed record GetPaymentOptions : IQuery<PaymentOptions>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.SignedIn;
}

public sealed class GetPaymentOptionsHandler(IPaymentCheckout checkout) : IQueryHandler<GetPaymentOptions, PaymentOptions>
{
    public ValueTask<PaymentOptions> Handle(GetPaymentOptions query, CancellationToken cancellationToken) => ValueTask.FromResult(new PaymentOptions(checkout.Configured));
}
