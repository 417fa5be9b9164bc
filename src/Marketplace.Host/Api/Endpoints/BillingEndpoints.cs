using Marketplace.Application.Billing;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Host.Api.Endpoints;

public sealed record PaymentRequest(string? Method, long? AmountMinor, string? Reference);

public sealed record RefundRequest(long? AmountMinor, string? Reason);

public sealed record VoidRequest(string? Reason);

public sealed record CreditNoteRequest(long? AmountMinor, string? Reason);

internal static class BillingEndpoints
{
    public static void MapBillingEndpoints(this RouteGroupBuilder api)
    {
        var invoices = api.MapGroup("/invoices").WithTags("Billing");
        invoices.MapGet("/", async (string? status, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListInvoices(status), ct)))
            .WithSummary("Your organization's invoices, newest first (?status=Open|Paid|Void|Uncollectible); operators see all.");
        invoices.MapGet("/{id}", async (string id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetInvoice(id), ct)))
            .WithSummary("An invoice with its lines (summing to the total), payments and refunds.");
        invoices.MapGet("/{id}/pdf", async (string id, IMediator m, CancellationToken ct) =>
            {
                var file = await m.Send(new GetInvoicePdf(id), ct);
                return TypedResults.File(file.Content, "application/pdf", file.FileName);
            })
            .WithSummary("The invoice as a PDF.");
        invoices.MapPost("/{id}/payments", async (string id, PaymentRequest body, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new RecordPayment(id, body.Method, body.AmountMinor, body.Reference), ct)))
            .WithSummary("Record a payment received offline {\"method\":\"Offline\",\"amountMinor\",\"reference\"} (operators); the same reference again is the same payment; a paid invoice is a 409.");
        invoices.MapPost("/{id}/checkout", async (string id, HttpRequest request, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new StartCheckout(id, $"{request.Scheme}://{request.Host}"), ct)))
            .WithSummary("A Stripe Checkout page for what the invoice still owes (its customer); the webhook records the payment. 409 when card payments are not configured.");
        invoices.MapPost("/{id}/void", async (string id, VoidRequest body, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new VoidInvoice(id, body.Reason), ct)))
            .WithSummary("Void an open invoice nothing was paid on {\"reason\"} (operators); its booking is reversed. A paid invoice is a 409: refund it instead.");
        invoices.MapPost("/{id}/credit-notes", async (string id, CreditNoteRequest body, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new CreditInvoice(id, body.AmountMinor, body.Reason), ct)))
            .WithSummary("Issue a credit note on an open invoice {\"amountMinor\",\"reason\"} (operators): that much is no longer owed, each unpaid share reduced in proportion; more than is outstanding is a 409.");
        invoices.MapPost("/{id}/uncollectible", async (string id, VoidRequest body, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new MarkInvoiceUncollectible(id, body.Reason), ct)))
            .WithSummary("Write off what an overdue invoice still owes and mark it Uncollectible {\"reason\"} (operators); an invoice not yet due is a 409.");
        invoices.MapPost("/{id}/refunds", async (string id, RefundRequest body, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new RefundInvoice(id, body.AmountMinor, body.Reason), ct)))
            .WithSummary("Refund part or all of what was paid {\"amountMinor\",\"reason\"} (operators); partners' shares are clawed back proportionally; more than was paid is a 409.");

        api.MapGet("/partners/{orgId}/earnings", async (string orgId, string? currency, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetPartnerEarnings(orgId, currency), ct)))
            .WithTags("Billing")
            .WithSummary("A partner's payable, pending and paid-out money in a currency (?currency=, USD by default) with every movement (the partner and operators).");
        api.MapPost("/partners/{orgId}/payouts", async Task<IResult> (string orgId, string? currency, [FromHeader(Name = "Idempotency-Key")] string? key, IMediator m, CancellationToken ct) =>
                await m.Send(new PayOutPartner(orgId, currency ?? GetPartnerEarnings.DefaultCurrency, key), ct) is { } payout ? TypedResults.Ok(payout) : TypedResults.NoContent())
            .WithTags("Operator: finance")
            .WithSummary("Pay a partner what is due in a currency by bank transfer (operator owner; Idempotency-Key header required); 204 when nothing is due.");
        api.MapPost("/webhooks/stripe", async (HttpRequest request, IMediator m, CancellationToken ct) =>
            {
                // The signature covers the raw body, so it is read as sent, never re-serialised.
                using var reader = new StreamReader(request.Body);
                var payload = await reader.ReadToEndAsync(ct);
                return TypedResults.Ok(await m.Send(new ReceiveStripeWebhook(payload, request.Headers["Stripe-Signature"].FirstOrDefault()), ct));
            })
            .WithTags("Billing")
            .AllowAnonymous()
            .DisableAntiforgery()
            .WithSummary("Stripe's webhook: verified by its signature (300 s tolerance), each event handled once; a bad signature is a 400 and changes nothing.");
        api.MapGet("/admin/ledger/reconciliation", async (string? currency, DateTimeOffset? from, DateTimeOffset? to, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ReconcileLedger(currency, from, to), ct)))
            .WithTags("Operator: finance")
            .WithSummary("Our ledger against Stripe's charges, refunds and transfers over ?from=&to= (the last 30 days by default) in ?currency=: what matched, and each mismatch with the amounts and the reason (operators).");
        api.MapGet("/admin/ledger/trial-balance", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetTrialBalance(), ct)))
            .WithTags("Operator: finance")
            .WithSummary("Every ledger account's debits and credits; balanced when each currency's debits equal its credits (operators).");
    }
}
