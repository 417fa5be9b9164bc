namespace Marketplace.Abstractions.Billing;

// Ports for paying partners through a gateway (Stripe Connect): their payout accounts, transfers to
// them and clawbacks, refunds to customers, and the gateway's own records for reconciliation. Money is
// integer minor units with an ISO 4217 code (upper case here; adapters convert). Every call that moves
// money takes our own operation id: the adapter derives the gateway's idempotency key from it, so a
// retried operation is the same operation at the gateway, never a second one.

/// <summary>
/// A partner's payout account at the gateway and the gateway-hosted onboarding that fills it in. Not
/// the partner flow's <c>Application.Partners.LinkPayoutAccount.IPayoutAccountLinker</c> (one per
/// payout method, linking given bank details): a Stripe method there would start here.
/// </summary>
public interface IPayoutAccountOnboarding
{
    /// <summary>Whether the gateway is configured (a secret key is set).</summary>
    bool Configured { get; }

    /// <summary>
    /// Creates the partner's account when <see cref="PayoutOnboardingRequest.ExistingAccountId"/> is null
    /// (retries within a day get the same account; keep its id and pass it after that), then a fresh,
    /// single-use onboarding link.
    /// </summary>
    Task<PayoutAccountLink> StartOnboardingAsync(PayoutOnboardingRequest request, CancellationToken cancellationToken);

    /// <summary>What the gateway says about the account now (onboarding can finish long after the link).</summary>
    Task<PayoutAccountStatus> GetStatusAsync(string accountId, CancellationToken cancellationToken);
}

/// <summary>
/// One onboarding attempt: its operation id makes a retry answer the same link. Country is ISO 3166-1
/// alpha-2, or null to let the partner choose it during onboarding.
/// </summary>
public sealed record PayoutOnboardingRequest(
    string OperationId, string PartnerOrgId, string? ExistingAccountId, string? Country, string? Email, string RefreshUrl, string ReturnUrl);

public sealed record PayoutAccountLink(string AccountId, string OnboardingUrl, DateTimeOffset ExpiresAt);

/// <summary>The account as the gateway sees it; <c>RequirementsDue</c> lists what it still needs, in its own field names.</summary>
public sealed record PayoutAccountStatus(
    string AccountId, string? PartnerOrgId, bool ChargesEnabled, bool PayoutsEnabled, bool DetailsSubmitted, bool TransfersActive,
    IReadOnlyList<string> RequirementsDue);

/// <summary>Moves a partner's share from the platform's balance to its payout account, and back for clawbacks.</summary>
public interface IPartnerTransfers
{
    bool Configured { get; }

    /// <summary>The gateway's transfer id. <paramref name="transferGroup"/> ties it to the payment (our invoice id).</summary>
    Task<string> TransferAsync(
        string operationId, string accountId, long amountMinor, string currency, string transferGroup, string description, CancellationToken cancellationToken);

    /// <summary>Takes back part or all of a transfer (after a refund); the gateway's reversal id.</summary>
    Task<string> ReverseAsync(string operationId, string transferId, long amountMinor, CancellationToken cancellationToken);
}

/// <summary>
/// Returns money to the customer. Partners' shares are not touched here: payments and transfers are
/// separate, so a clawback is an explicit <see cref="IPartnerTransfers.ReverseAsync"/>.
/// </summary>
public interface IPaymentRefunds
{
    bool Configured { get; }

    /// <summary>
    /// Refunds part or all of a payment, named by the gateway reference recorded with it (Stripe: pi_… or
    /// ch_…); <paramref name="reference"/> is our invoice id, kept with the refund for reconciliation.
    /// </summary>
    Task<GatewayRefund> RefundAsync(string operationId, string paymentId, long amountMinor, string reference, CancellationToken cancellationToken);
}

public sealed record GatewayRefund(string RefundId, long AmountMinor, string Currency, GatewayRecordStatus Status);

/// <summary>The gateway's own account of what happened, to reconcile the ledger against.</summary>
public interface IGatewayRecords
{
    bool Configured { get; }

    /// <summary>Every record of <paramref name="kind"/> created in [<paramref name="createdFrom"/>, <paramref name="createdBefore"/>), all pages.</summary>
    IAsyncEnumerable<GatewayRecord> ListAsync(GatewayRecordKind kind, DateTimeOffset createdFrom, DateTimeOffset createdBefore, CancellationToken cancellationToken);
}

public enum GatewayRecordKind
{
    Charge,
    Refund,
    Transfer,
    TransferReversal,
    Payout,
}

public enum GatewayRecordStatus
{
    Pending,
    Succeeded,
    Failed,
    Canceled,
}

/// <summary>
/// One gateway record. The amount is positive as the gateway states it (the kind says which way the money
/// went); the reference is our invoice id (metadata or transfer group), or for a reversal the transfer it
/// reverses; the operation id is ours, from the metadata of records we created.
/// </summary>
public sealed record GatewayRecord(
    GatewayRecordKind Kind, string GatewayId, long AmountMinor, string Currency, DateTimeOffset CreatedAt, string? Reference, string? OperationId,
    GatewayRecordStatus Status);

/// <summary>Why the gateway refused or could not answer; whether a retry can help follows from it.</summary>
public enum GatewayFailure
{
    /// <summary>The request is wrong for the gateway (too much to refund, balance too low, bad parameter): do not retry as is.</summary>
    InvalidRequest,

    /// <summary>The customer's bank or card declined.</summary>
    Declined,

    /// <summary>The key is missing, wrong or lacks permission: a configuration problem.</summary>
    Authentication,

    /// <summary>No such object at the gateway.</summary>
    NotFound,

    /// <summary>The operation id was used before with other parameters, or a concurrent request holds it.</summary>
    Conflict,

    /// <summary>Too many requests despite the client-side limiter: retry later.</summary>
    RateLimited,

    /// <summary>The gateway failed or could not be reached: retry later with the same operation id.</summary>
    Unavailable,
}

/// <summary>A gateway refusal in the gateway's words (no secrets), with its own error code when it gave one.</summary>
public sealed class PaymentGatewayException(GatewayFailure failure, string message, string? gatewayCode = null, int? httpStatus = null, Exception? inner = null)
    : Exception(message, inner)
{
    public GatewayFailure Failure { get; } = failure;

    public string? GatewayCode { get; } = gatewayCode;

    public int? HttpStatus { get; } = httpStatus;
}
