using Marketplace.Abstractions.Billing;
using Stripe;

namespace Marketplace.Connectors.Stripe;

/// <summary>
/// Partners' payout accounts as Stripe Connect Express accounts: Stripe hosts onboarding and identity
/// checks, the platform sends transfers. The account is created with <c>type=express</c> (Stripe maps
/// it to the equivalent controller properties and still documents it; the local test server knows only
/// this form) and asks for the transfers capability alone, since partners receive transfers and never
/// take card payments themselves.
/// </summary>
public sealed class StripeConnect(StripeGateway gateway) : IPayoutAccountOnboarding
{
    public const string PartnerMetadataKey = "partner_org_id";

    public bool Configured => gateway.Configured;

    public async Task<PayoutAccountLink> StartOnboardingAsync(PayoutOnboardingRequest request, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(request.PartnerOrgId);
        var accountId = request.ExistingAccountId ?? await CreateAccountAsync(request, cancellationToken);
        var link = await gateway.CallAsync(client => new AccountLinkService(client).CreateAsync(
            new AccountLinkCreateOptions
            {
                Account = accountId,
                Type = "account_onboarding",
                RefreshUrl = request.RefreshUrl,
                ReturnUrl = request.ReturnUrl,
            },
            StripeGateway.Idempotent("payout-account-link", request.OperationId),
            cancellationToken));
        return new PayoutAccountLink(accountId, link.Url, StripeGateway.Utc(link.ExpiresAt));
    }

    public async Task<PayoutAccountStatus> GetStatusAsync(string accountId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        var account = await gateway.CallAsync(client => new AccountService(client).GetAsync(accountId, cancellationToken: cancellationToken));
        return new PayoutAccountStatus(
            account.Id,
            account.Metadata?.GetValueOrDefault(PartnerMetadataKey),
            account.ChargesEnabled,
            account.PayoutsEnabled,
            account.DetailsSubmitted,
            account.Capabilities?.Transfers == "active",
            account.Requirements?.CurrentlyDue ?? []);
    }

    // Keyed by the partner, not the attempt: two onboarding attempts racing each other get one account.
    // Stripe keeps keys for 24 hours, so callers store the account id and pass it as ExistingAccountId.
    private async Task<string> CreateAccountAsync(PayoutOnboardingRequest request, CancellationToken cancellationToken)
    {
        var account = await gateway.CallAsync(client => new AccountService(client).CreateAsync(
            new AccountCreateOptions
            {
                Type = "express",
                Country = request.Country,
                Email = request.Email,
                Capabilities = new AccountCapabilitiesOptions { Transfers = new AccountCapabilitiesTransfersOptions { Requested = true } },
                Metadata = new Dictionary<string, string> { [PartnerMetadataKey] = request.PartnerOrgId },
            },
            StripeGateway.Idempotent("payout-account", request.PartnerOrgId),
            cancellationToken));
        return account.Id;
    }
}
