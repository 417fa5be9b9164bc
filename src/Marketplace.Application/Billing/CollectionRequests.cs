using FluentValidation;
using Marketplace.Abstractions.Billing;
using Marketplace.Application.Common.Security;
using Mediator;

namespace Marketplace.Application.Billing;

/// <summary>An operator issues a credit note on an open invoice: part of what is owed is no longer owed.</summary>
public sealed record CreditInvoice(string InvoiceId, long? AmountMinor, string? Reason) : ICommand<InvoiceSnapshot>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Operator();
}

public sealed class CreditInvoiceValidator : AbstractValidator<CreditInvoice>
{
    public CreditInvoiceValidator()
    {
        RuleFor(c => c.AmountMinor).NotNull().GreaterThan(0);
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
    }
}

public sealed class CreditInvoiceHandler(IGrainFactory grains, ICallerAccessor callers) : ICommandHandler<CreditInvoice, InvoiceSnapshot>
{
    public async ValueTask<InvoiceSnapshot> Handle(CreditInvoice command, CancellationToken cancellationToken) =>
        await grains.GetGrain<IInvoiceGrain>(command.InvoiceId).CreditAsync(command.AmountMinor!.Value, command.Reason!.Trim(),
            Partners.Actors.Describe(await callers.GetCallerAsync(cancellationToken)));
}

/// <summary>An operator writes off what an overdue invoice still owes; its partners' unpaid shares go with it.</summary>
public sealed record MarkInvoiceUncollectible(string InvoiceId, string? Reason) : ICommand<InvoiceSnapshot>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Operator();
}

public sealed class MarkInvoiceUncollectibleValidator : AbstractValidator<MarkInvoiceUncollectible>
{
    public MarkInvoiceUncollectibleValidator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
}

public sealed class MarkInvoiceUncollectibleHandler(IGrainFactory grains, ICallerAccessor callers) : ICommandHandler<MarkInvoiceUncollectible, InvoiceSnapshot>
{
    public async ValueTask<InvoiceSnapshot> Handle(MarkInvoiceUncollectible command, CancellationToken cancellationToken) =>
        await grains.GetGrain<IInvoiceGrain>(command.InvoiceId).MarkUncollectibleAsync(command.Reason!.Trim(), Partners.Actors.Describe(await callers.GetCallerAsync(cancellationToken)));
}
