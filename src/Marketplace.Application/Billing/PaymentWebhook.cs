using Marketplace.Abstractions.Billing;
using Marketplace.Abstractions.Errors;
using Marketplace.Application.Common.Security;
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
    public const string Gateway = "Stripe";

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
        if (invoice.Payments.Any(p => p.Reference == notice.Reference))
        {
            return $"recorded: payment {notice.Reference} was already on invoice {invoice.Id}";
        }
        try
        {
            await grains.GetGrain<IInvoiceGrain>(invoice.Id).PayAsync(ReceiveStripeWebhook.Gateway, notice.AmountMinor, notice.Reference!, "stripe webhook " + notice.EventId);
            return $"recorded: {notice.AmountMinor} minor units on invoice {invoice.Id}";
        }
        catch (ConflictException e)
        {
            // Paid already (another way) or more than is due: finance sees it in reconciliation, not as a failed delivery.
            return $"not recorded: {e.Message}";
        }
    }
}
