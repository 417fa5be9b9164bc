using FluentValidation;
using Marketplace.Abstractions.Errors;
using Marketplace.Abstractions.Billing;
using Marketplace.Application.Common.Security;
using Marketplace.Domain.Billing;
using Marketplace.Domain.Money;
using Mediator;

namespace Marketplace.Application.Billing;

public sealed record TrialBalanceView(bool Balanced, IReadOnlyList<AccountBalanceView> Accounts);

/// <summary>Every ledger's accounts with their debits and credits; balanced when each currency's debits equal its credits.</summary>
public sealed record GetTrialBalance : IQuery<TrialBalanceView>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Operator();
}

public sealed class GetTrialBalanceHandler(IGrainFactory grains) : IQueryHandler<GetTrialBalance, TrialBalanceView>
{
    public async ValueTask<TrialBalanceView> Handle(GetTrialBalance query, CancellationToken cancellationToken)
    {
        var ledgers = await Task.WhenAll(Currency.Supported.Order(StringComparer.Ordinal).Select(c => grains.GetGrain<ILedgerGrain>(c).TrialBalanceAsync()));
        var accounts = ledgers.SelectMany(l => l).ToList();
        var balanced = accounts.GroupBy(a => a.Currency).All(g => g.Sum(a => a.DebitMinor) == g.Sum(a => a.CreditMinor));
        return new TrialBalanceView(balanced, accounts);
    }
}

/// <summary>
/// What a partner has earned in a currency: payable now (collected, net of clawbacks and payouts),
/// pending (invoiced, not yet paid by the customer), paid out, and every movement of its payable.
/// The partner's own members and operators may read it.
/// </summary>
public sealed record GetPartnerEarnings(string OrganizationId, string? Currency = null) : IQuery<PartnerLedgerView>, IAuthorizedRequest
{
    public const string DefaultCurrency = "USD";

    Access IAuthorizedRequest.Access => Access.Organization(OrganizationId);
}

public sealed class GetPartnerEarningsValidator : AbstractValidator<GetPartnerEarnings>
{
    public GetPartnerEarningsValidator() =>
        RuleFor(q => q.Currency).Must(c => c is null || Currency.IsSupported(c.Trim().ToUpperInvariant()))
            .WithMessage($"'currency' must be one of {string.Join(", ", Currency.Supported)}.");
}

public sealed class GetPartnerEarningsHandler(IGrainFactory grains) : IQueryHandler<GetPartnerEarnings, PartnerLedgerView>
{
    public async ValueTask<PartnerLedgerView> Handle(GetPartnerEarnings query, CancellationToken cancellationToken) =>
        await grains.GetGrain<ILedgerGrain>(query.Currency?.Trim().ToUpperInvariant() ?? GetPartnerEarnings.DefaultCurrency).PartnerAsync(query.OrganizationId);
}

/// <summary>
/// An operator pays a partner what is due in a currency (by bank transfer, recorded offline); the
/// idempotency key makes a retried payout the same payout. Nothing due answers null.
/// </summary>
public sealed record PayOutPartner(string OrganizationId, string? Currency, string? IdempotencyKey) : ICommand<PayoutView?>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Operator(Domain.Organizations.MemberRole.Owner);
}

public sealed class PayOutPartnerValidator : AbstractValidator<PayOutPartner>
{
    public PayOutPartnerValidator()
    {
        RuleFor(c => c.Currency).NotEmpty().Must(c => Currency.IsSupported(c?.Trim().ToUpperInvariant())).WithMessage($"'currency' must be one of {string.Join(", ", Currency.Supported)}.");
        RuleFor(c => c.IdempotencyKey).NotEmpty().MaximumLength(200).OverridePropertyName("Idempotency-Key");
    }
}

public sealed class PayOutPartnerHandler(IGrainFactory grains, IPartnerTransfers transfers) : ICommandHandler<PayOutPartner, PayoutView?>
{
    public async ValueTask<PayoutView?> Handle(PayOutPartner command, CancellationToken cancellationToken)
    {
        var currency = command.Currency!.Trim().ToUpperInvariant();
        var ledger = grains.GetGrain<ILedgerGrain>(currency);
        var account = (await grains.GetGrain<Abstractions.Partners.IPartnerGrain>(command.OrganizationId).GetAsync())?.PayoutAccount;
        if (account?.Provider != Partners.LinkPayoutAccount.StripeConnectPayoutLinker.ProviderName)
        {
            // Bank transfer: finance sends it from the bank; the ledger records it.
            return await ledger.PayOutAsync(command.OrganizationId, PaymentMethods.GatewayOf(PaymentMethods.Offline), command.IdempotencyKey!);
        }
        if (!transfers.Configured)
        {
            throw new ConflictException("payout.gateway_unavailable", "The partner is paid through Stripe Connect, but no Stripe key is configured.");
        }
        // The ledger first: the key fixes the amount, so a retry transfers exactly what was booked, under the same gateway key.
        if (await ledger.PayOutAsync(command.OrganizationId, PaymentMethods.GatewayOf(PaymentMethods.Stripe), command.IdempotencyKey!) is not { } payout)
        {
            return null;
        }
        try
        {
            var transfer = await transfers.TransferAsync($"payout:{command.OrganizationId}:{command.IdempotencyKey}", account.MaskedReference, payout.AmountMinor, currency,
                payout.EntryId, $"Marketplace payout {payout.EntryId}", cancellationToken);
            return payout with { Method = account.Provider, TransferId = transfer };
        }
        catch (PaymentGatewayException refused) when (refused.Failure is not (GatewayFailure.Unavailable or GatewayFailure.RateLimited))
        {
            // The money never left: book it back on the partner's payable, then say why.
            await ledger.ReversePayoutAsync(command.OrganizationId, command.IdempotencyKey!, refused.Message);
            throw new ConflictException("payout.gateway_refused", $"Stripe refused the transfer to {account.MaskedReference}: {refused.Message}");
        }
        catch (PaymentGatewayException)
        {
            throw new ConflictException("payout.gateway_unavailable", "Stripe is unavailable; retry with the same Idempotency-Key (the payout is booked and will be transferred once).")
            {
                RetryAfter = TimeSpan.FromSeconds(30),
            };
        }
    }
}
