using Marketplace.Abstractions.Billing;
using Marketplace.Abstractions.Errors;
using Marketplace.Domain.Money;
using Marketplace.Domain.Partners;

namespace Marketplace.Application.Partners.LinkPayoutAccount;

/// <summary>
/// Stripe Connect Express: the partner's account is created at Stripe (once per partner) and the
/// partner finishes it on Stripe's own onboarding page, so bank details never pass through us.
/// Payouts then go as Transfers to that account.
/// </summary>
public sealed class StripeConnectPayoutLinker(IPayoutAccountOnboarding onboarding, TimeProvider time) : IPayoutAccountLinker
{
    public const string ProviderName = "stripe-connect";

    public string Provider => ProviderName;

    public async Task<PayoutAccount> LinkAsync(string organizationId, PayoutDetails details, CancellationToken cancellationToken)
    {
        if (!onboarding.Configured)
        {
            throw new ConflictException("payout.gateway_unavailable", "Stripe Connect is not configured on this marketplace; link a bank account instead.");
        }
        if (!Currency.IsSupported(details.Currency))
        {
            throw new RequestValidationException("currency", $"The currency must be one of {string.Join(", ", Currency.Supported)}.");
        }
        var portal = (details.PortalBaseUrl ?? "http://localhost:5080").TrimEnd('/');
        var link = await onboarding.StartOnboardingAsync(
            new PayoutOnboardingRequest($"{organizationId}:{time.GetUtcNow():yyyyMMddHHmm}", organizationId, null, null, null,
                RefreshUrl: $"{portal}/partner/onboarding?payout=refresh", ReturnUrl: $"{portal}/partner/onboarding?payout=done"),
            cancellationToken);
        return new PayoutAccount(Provider, details.AccountHolder.Trim(), link.AccountId, details.Currency, "Onboarding", time.GetUtcNow(), link.OnboardingUrl);
    }
}
