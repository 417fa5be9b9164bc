using FluentValidation;
using Marketplace.Abstractions.Billing;
using Marketplace.Abstractions.Errors;
using Marketplace.Application.Common.Security;
using Marketplace.Application.Common.Validation;
using Marketplace.Application.Organizations;
using Marketplace.Domain.Billing;
using Mediator;

namespace Marketplace.Application.Billing;

/// <summary>An invoice, to the customer it was issued to and to operators; to anyone else it does not exist.</summary>
public sealed record GetInvoice(string InvoiceId) : IQuery<InvoiceSnapshot>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Invoice(InvoiceId);
}

public sealed class GetInvoiceHandler(IGrainFactory grains) : IQueryHandler<GetInvoice, InvoiceSnapshot>
{
    public async ValueTask<InvoiceSnapshot> Handle(GetInvoice query, CancellationToken cancellationToken) =>
        await grains.GetGrain<IInvoiceGrain>(query.InvoiceId).GetAsync() ?? throw new NotFoundException("Invoice", query.InvoiceId);
}

/// <summary>The caller's organisation's invoices, newest first, optionally of one status; operators see every organisation's.</summary>
public sealed record ListInvoices(string? Status = null) : IQuery<IReadOnlyList<InvoiceSummary>>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Customer();

    internal InvoiceStatus? Parsed => StatusFilter.Parse<InvoiceStatus>(Status);
}

public sealed class ListInvoicesValidator : AbstractValidator<ListInvoices>
{
    public ListInvoicesValidator() =>
        RuleFor(q => q.Status).MustBeStatusOf<ListInvoices, InvoiceStatus>();
}

public sealed class ListInvoicesHandler(IGrainFactory grains, ICallerAccessor callers) : IQueryHandler<ListInvoices, IReadOnlyList<InvoiceSummary>>
{
    public async ValueTask<IReadOnlyList<InvoiceSummary>> Handle(ListInvoices query, CancellationToken cancellationToken)
    {
        var caller = await callers.GetCallerAsync(cancellationToken);
        var book = grains.GetGrain<IInvoiceBookGrain>(caller.IsOperator ? IInvoiceBookGrain.Everyone : caller.OrganizationId!);
        var status = query.Parsed;
        return (await book.ListAsync()).Where(i => status is null || i.Status == status).ToList();
    }
}

/// <summary>
/// An operator records a payment received outside the platform (a bank transfer) with its
/// reference; the same reference again is the same payment. Customers cannot record their own.
/// </summary>
public sealed record RecordPayment(string InvoiceId, string? Method, long? AmountMinor, string? Reference) : ICommand<InvoiceSnapshot>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Operator();
}

public sealed class RecordPaymentValidator : AbstractValidator<RecordPayment>
{
    public RecordPaymentValidator()
    {
        RuleFor(c => c.Method).NotEmpty().Must(m => PaymentMethods.Recordable.Contains(m, StringComparer.OrdinalIgnoreCase))
            .WithMessage($"'method' must be one of {string.Join(", ", PaymentMethods.Recordable)}.");
        RuleFor(c => c.AmountMinor).NotNull().GreaterThan(0);
        RuleFor(c => c.Reference).NotEmpty().MaximumLength(200);
    }
}

public sealed class RecordPaymentHandler(IGrainFactory grains, ICallerAccessor callers) : ICommandHandler<RecordPayment, InvoiceSnapshot>
{
    public async ValueTask<InvoiceSnapshot> Handle(RecordPayment command, CancellationToken cancellationToken)
    {
        // The grain answers an unknown invoice with a 404 itself.
        var method = PaymentMethods.Recordable.First(m => string.Equals(m, command.Method, StringComparison.OrdinalIgnoreCase));
        return await grains.GetGrain<IInvoiceGrain>(command.InvoiceId).PayAsync(method, command.AmountMinor!.Value, command.Reference!.Trim(), Partners.Actors.Describe(await callers.GetCallerAsync(cancellationToken)));
    }
}

/// <summary>An operator voids an open invoice nothing was paid on (issued by mistake); its booking is reversed, never deleted.</summary>
public sealed record VoidInvoice(string InvoiceId, string? Reason) : ICommand<InvoiceSnapshot>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Operator();
}

public sealed class VoidInvoiceValidator : AbstractValidator<VoidInvoice>
{
    public VoidInvoiceValidator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
}

public sealed class VoidInvoiceHandler(IGrainFactory grains, ICallerAccessor callers) : ICommandHandler<VoidInvoice, InvoiceSnapshot>
{
    public async ValueTask<InvoiceSnapshot> Handle(VoidInvoice command, CancellationToken cancellationToken)
    {
        return await grains.GetGrain<IInvoiceGrain>(command.InvoiceId).VoidAsync(command.Reason!.Trim(), Partners.Actors.Describe(await callers.GetCallerAsync(cancellationToken)));
    }
}

/// <summary>An operator refunds part or all of what an invoice was paid; the partners' shares are clawed back proportionally.</summary>
public sealed record RefundInvoice(string InvoiceId, long? AmountMinor, string? Reason) : ICommand<InvoiceSnapshot>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Operator();
}

public sealed class RefundInvoiceValidator : AbstractValidator<RefundInvoice>
{
    public RefundInvoiceValidator()
    {
        RuleFor(c => c.AmountMinor).NotNull().GreaterThan(0);
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
    }
}

public sealed class RefundInvoiceHandler(IGrainFactory grains, ICallerAccessor callers, IPaymentRefunds refunds) : ICommandHandler<RefundInvoice, InvoiceSnapshot>
{
    public async ValueTask<InvoiceSnapshot> Handle(RefundInvoice command, CancellationToken cancellationToken)
    {
        var invoice = grains.GetGrain<IInvoiceGrain>(command.InvoiceId);
        var amount = command.AmountMinor!.Value;
        if (await invoice.GetAsync() is { } snapshot && snapshot.Payments.LastOrDefault(p => p.Method == PaymentMethods.Stripe) is { } card
            && amount <= snapshot.PaidMinor - snapshot.RefundedMinor)
        {
            // Paid by card: the money goes back through Stripe first. The refund's number is in the
            // operation id, so a retry after a crash is the same Stripe refund, then booked once.
            if (!refunds.Configured)
            {
                throw new ConflictException("refund.gateway_unavailable", "The invoice was paid by card through Stripe, but no Stripe key is configured to refund it.");
            }
            try
            {
                await refunds.RefundAsync(LedgerKeys.RefundOperation(snapshot.Id, snapshot.Refunds.Count + 1), card.Reference, amount, snapshot.Id, cancellationToken);
            }
            catch (PaymentGatewayException refused)
            {
                throw new ConflictException("refund.gateway_refused", $"Stripe refused the refund: {refused.Message}");
            }
        }
        return await invoice.RefundAsync(amount, command.Reason!.Trim(), Partners.Actors.Describe(await callers.GetCallerAsync(cancellationToken)));
    }
}

/// <summary>The invoice as a PDF to file and pay.</summary>
public sealed record GetInvoicePdf(string InvoiceId) : IQuery<InvoicePdfFile>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Invoice(InvoiceId);
}

public sealed record InvoicePdfFile(string FileName, byte[] Content);

public sealed class GetInvoicePdfHandler(IGrainFactory grains, IInvoicePrinter printer) : IQueryHandler<GetInvoicePdf, InvoicePdfFile>
{
    public async ValueTask<InvoicePdfFile> Handle(GetInvoicePdf query, CancellationToken cancellationToken)
    {
        var invoice = await grains.GetGrain<IInvoiceGrain>(query.InvoiceId).GetAsync() ?? throw new NotFoundException("Invoice", query.InvoiceId);
        var customer = await grains.FindOrganizationAsync(invoice.OrganizationId);
        var content = printer.Print(new InvoiceDocument(
            invoice.Id, customer?.Name ?? invoice.OrganizationId, invoice.Status.ToString(), invoice.OrderId, invoice.Title, invoice.Currency,
            invoice.Lines, invoice.TotalMinor, invoice.PaidMinor, invoice.RefundedMinor, invoice.IssuedAt, invoice.DueAt,
            invoice.CreditNotes?.Select(c => new CreditNoteLine(c.Number, c.Reason, c.AmountMinor, c.At)).ToList()));
        return new InvoicePdfFile($"{invoice.Id}.pdf", content);
    }
}
