using FluentValidation;
using Marketplace.Abstractions.Billing;
using Marketplace.Application.Common.Security;
using Marketplace.Domain.Billing;
using Marketplace.Domain.Money;
using Marketplace.Domain.Organizations;
using Mediator;

namespace Marketplace.Application.Billing;

/// <summary>
/// A customer's owner sets what paid sandbox trials (those beyond the free daily quota) may cost a
/// month; no cap (or 0) turns paid trials off. Operators may set it on a customer's behalf.
/// </summary>
public sealed record SetSpendCap(string OrganizationId, long? MonthlyCapMinor, string? Currency) : ICommand<TrialSpendView>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Organization(OrganizationId, MemberRole.Owner);
}

public sealed class SetSpendCapValidator : AbstractValidator<SetSpendCap>
{
    public SetSpendCapValidator()
    {
        RuleFor(c => c.MonthlyCapMinor).NotNull().InclusiveBetween(0, 1_000_000_000_000);
        RuleFor(c => c.Currency).NotEmpty().Must(c => Currency.IsSupported(c?.Trim().ToUpperInvariant()))
            .WithMessage($"'currency' must be one of {string.Join(", ", Currency.Supported)}.");
    }
}

public sealed class SetSpendCapHandler(IGrainFactory grains, ICallerAccessor callers) : ICommandHandler<SetSpendCap, TrialSpendView>
{
    public async ValueTask<TrialSpendView> Handle(SetSpendCap command, CancellationToken cancellationToken) =>
        await grains.GetGrain<ITrialSpendGrain>(command.OrganizationId).SetCapAsync(
            new SpendCap(command.MonthlyCapMinor!.Value, command.Currency!.Trim().ToUpperInvariant()),
            Partners.Actors.Describe(await callers.GetCallerAsync(cancellationToken)));
}

/// <summary>The organisation's spend cap and this month's paid trials, model by model.</summary>
public sealed record GetTrialSpend(string OrganizationId) : IQuery<TrialSpendView>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Organization(OrganizationId);
}

public sealed class GetTrialSpendHandler(IGrainFactory grains) : IQueryHandler<GetTrialSpend, TrialSpendView>
{
    public async ValueTask<TrialSpendView> Handle(GetTrialSpend query, CancellationToken cancellationToken) =>
        await grains.GetGrain<ITrialSpendGrain>(query.OrganizationId).GetAsync();
}
