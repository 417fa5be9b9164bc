using Marketplace.Abstractions.Billing;
using Stripe;

namespace Marketplace.Connectors.Stripe;

/// <summary>
/// Partners' shares as Connect transfers from the platform's balance ("separate charges and
/// transfers"): the transfer group is the invoice the money came from, and the operation id goes into
/// the metadata as well as the idempotency key, so reconciliation can find the ledger entry behind it.
/// </summary>
public sealed class StripeTransfers(StripeGateway gateway) : IPartnerTransfers
{
    public const string OperationMetadataKey = "operation_id";

    public bool Configured => gateway.Configured;

    public async Task<string> TransferAsync(
        string operationId, string accountId, long amountMinor, string currency, string transferGroup, string description, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amountMinor);
        var transfer = await gateway.CallAsync(client => new TransferService(client).CreateAsync(
            new TransferCreateOptions
            {
                Destination = accountId,
                Amount = amountMinor,
                Currency = StripeGateway.StripeCurrency(currency),
                TransferGroup = transferGroup,
                Description = description,
                Metadata = new Dictionary<string, string> { [OperationMetadataKey] = operationId },
            },
            StripeGateway.Idempotent("transfer", operationId),
            cancellationToken));
        return transfer.Id;
    }

    public async Task<string> ReverseAsync(string operationId, string transferId, long amountMinor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(transferId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amountMinor);
        var reversal = await gateway.CallAsync(client => new TransferReversalService(client).CreateAsync(
            transferId,
            new TransferReversalCreateOptions
            {
                Amount = amountMinor,
                Metadata = new Dictionary<string, string> { [OperationMetadataKey] = operationId },
            },
            StripeGateway.Idempotent("transfer-reversal", operationId),
            cancellationToken));
        return reversal.Id;
    }
}
