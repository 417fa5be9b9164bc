using System.Collections.Concurrent;
using Marketplace.Abstractions.Billing;

namespace Marketplace.Api.Tests;

/// <summary>
/// Stands in for Stripe Connect, transfers and refunds in the API tests (the connector's own tests
/// check the wire format against a local Stripe server and HTTP stubs). It keeps what it was asked,
/// answers an operation id it has seen with the same object, as Stripe's idempotency keys do, and
/// refuses transfers to accounts a test marks as refused.
/// </summary>
public sealed class FakeStripeConnect : IPayoutAccountOnboarding, IPartnerTransfers, IPaymentRefunds
{
    private readonly ConcurrentDictionary<string, string> _transfers = new();
    private readonly ConcurrentDictionary<string, GatewayRefund> _refunds = new();

    public bool Configured => true;

    public ConcurrentQueue<(string OperationId, string AccountId, long AmountMinor, string Currency, string TransferGroup)> Transfers { get; } = new();

    public ConcurrentQueue<(string OperationId, string PaymentId, long AmountMinor, string Reference)> Refunds { get; } = new();

    /// <summary>Accounts whose transfers Stripe refuses (say, payouts not enabled yet).</summary>
    public ConcurrentDictionary<string, bool> RefusedAccounts { get; } = new();

    public Task<PayoutAccountLink> StartOnboardingAsync(PayoutOnboardingRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new PayoutAccountLink("acct_" + request.PartnerOrgId[4..], $"https://connect.stripe.test/setup/e/{request.PartnerOrgId}?return={Uri.EscapeDataString(request.ReturnUrl)}", DateTimeOffset.UtcNow.AddMinutes(5)));

    public Task<PayoutAccountStatus> GetStatusAsync(string accountId, CancellationToken cancellationToken) =>
        Task.FromResult(new PayoutAccountStatus(accountId, null, true, true, true, true, []));

    public Task<string> TransferAsync(string operationId, string accountId, long amountMinor, string currency, string transferGroup, string description, CancellationToken cancellationToken)
    {
        if (RefusedAccounts.ContainsKey(accountId))
        {
            throw new PaymentGatewayException(GatewayFailure.InvalidRequest, $"Your destination account {accountId} needs to have at least one of the following capabilities enabled: transfers.");
        }
        Transfers.Enqueue((operationId, accountId, amountMinor, currency, transferGroup));
        return Task.FromResult(_transfers.GetOrAdd(operationId, _ => "tr_" + Guid.NewGuid().ToString("N")[..14]));
    }

    public Task<string> ReverseAsync(string operationId, string transferId, long amountMinor, CancellationToken cancellationToken) =>
        Task.FromResult("trr_" + operationId.GetHashCode(StringComparison.Ordinal).ToString("x", System.Globalization.CultureInfo.InvariantCulture));

    public Task<GatewayRefund> RefundAsync(string operationId, string paymentId, long amountMinor, string reference, CancellationToken cancellationToken)
    {
        Refunds.Enqueue((operationId, paymentId, amountMinor, reference));
        return Task.FromResult(_refunds.GetOrAdd(operationId, _ => new GatewayRefund("re_" + Guid.NewGuid().ToString("N")[..14], amountMinor, "USD", GatewayRecordStatus.Succeeded)));
    }
}
