using Marketplace.Abstractions.Billing;
using Stripe;

namespace Marketplace.Connectors.Stripe;

/// <summary>
/// Stripe's charges, refunds, transfers, transfer reversals and payouts created in a window, page by
/// page (Stripe.net's auto-paging, 100 a page), as neutral records. Stripe has no list of all transfer
/// reversals, so those come from the balance transactions of type <c>transfer_refund</c>, with the
/// reversal itself expanded for its transfer and metadata.
/// </summary>
public sealed class StripeRecords(StripeGateway gateway) : IGatewayRecords
{
    private const long PageSize = 100; // Stripe's largest page.

    public bool Configured => gateway.Configured;

    public async IAsyncEnumerable<GatewayRecord> ListAsync(
        GatewayRecordKind kind, DateTimeOffset createdFrom, DateTimeOffset createdBefore,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var created = new DateRangeOptions { GreaterThanOrEqual = createdFrom.UtcDateTime, LessThan = createdBefore.UtcDateTime };
        var records = kind switch
        {
            GatewayRecordKind.Charge => gateway.ListAsync(
                client => new ChargeService(client).ListAutoPagingAsync(new ChargeListOptions { Created = created, Limit = PageSize }, cancellationToken: cancellationToken),
                cancellationToken).Select(FromCharge),
            GatewayRecordKind.Refund => gateway.ListAsync(
                client => new RefundService(client).ListAutoPagingAsync(new RefundListOptions { Created = created, Limit = PageSize }, cancellationToken: cancellationToken),
                cancellationToken).Select(FromRefund),
            GatewayRecordKind.Transfer => gateway.ListAsync(
                client => new TransferService(client).ListAutoPagingAsync(new TransferListOptions { Created = created, Limit = PageSize }, cancellationToken: cancellationToken),
                cancellationToken).Select(FromTransfer),
            GatewayRecordKind.TransferReversal => gateway.ListAsync(
                client => new BalanceTransactionService(client).ListAutoPagingAsync(
                    new BalanceTransactionListOptions { Created = created, Type = "transfer_refund", Limit = PageSize, Expand = ["data.source"] },
                    cancellationToken: cancellationToken),
                cancellationToken).Select(FromReversal),
            GatewayRecordKind.Payout => gateway.ListAsync(
                client => new PayoutService(client).ListAutoPagingAsync(new PayoutListOptions { Created = created, Limit = PageSize }, cancellationToken: cancellationToken),
                cancellationToken).Select(FromPayout),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
        await foreach (var record in records)
        {
            // Stripe compares whole seconds; the window's bounds are exact.
            if (record.CreatedAt >= createdFrom && record.CreatedAt < createdBefore)
            {
                yield return record;
            }
        }
    }

    public static GatewayRecordStatus RefundStatus(string? status) => status switch
    {
        "succeeded" => GatewayRecordStatus.Succeeded,
        "failed" => GatewayRecordStatus.Failed,
        "canceled" => GatewayRecordStatus.Canceled,
        _ => GatewayRecordStatus.Pending, // pending, requires_action
    };

    private static GatewayRecord FromCharge(Charge c) => new(
        GatewayRecordKind.Charge, c.Id, c.Amount, c.Currency.ToUpperInvariant(), StripeGateway.Utc(c.Created),
        Invoice(c.Metadata) ?? c.TransferGroup, Operation(c.Metadata),
        c.Status switch { "succeeded" => GatewayRecordStatus.Succeeded, "failed" => GatewayRecordStatus.Failed, _ => GatewayRecordStatus.Pending });

    private static GatewayRecord FromRefund(Refund r) => new(
        GatewayRecordKind.Refund, r.Id, r.Amount, r.Currency.ToUpperInvariant(), StripeGateway.Utc(r.Created), Invoice(r.Metadata), Operation(r.Metadata),
        RefundStatus(r.Status));

    // A transfer is final once created: it moves balance between Stripe accounts, not through a bank.
    private static GatewayRecord FromTransfer(Transfer t) => new(
        GatewayRecordKind.Transfer, t.Id, t.Amount, t.Currency.ToUpperInvariant(), StripeGateway.Utc(t.Created), t.TransferGroup, Operation(t.Metadata),
        GatewayRecordStatus.Succeeded);

    private static GatewayRecord FromReversal(BalanceTransaction b)
    {
        var reversal = b.Source as TransferReversal;
        return new GatewayRecord(
            GatewayRecordKind.TransferReversal, reversal?.Id ?? b.SourceId, Math.Abs(b.Amount), b.Currency.ToUpperInvariant(), StripeGateway.Utc(b.Created),
            reversal?.TransferId, Operation(reversal?.Metadata),
            b.Status == "available" ? GatewayRecordStatus.Succeeded : GatewayRecordStatus.Pending);
    }

    private static GatewayRecord FromPayout(Payout p) => new(
        GatewayRecordKind.Payout, p.Id, p.Amount, p.Currency.ToUpperInvariant(), StripeGateway.Utc(p.Created), null, Operation(p.Metadata),
        p.Status switch
        {
            "paid" => GatewayRecordStatus.Succeeded,
            "failed" => GatewayRecordStatus.Failed,
            "canceled" => GatewayRecordStatus.Canceled,
            _ => GatewayRecordStatus.Pending, // pending, in_transit
        });

    private static string? Invoice(Dictionary<string, string>? metadata) => metadata?.GetValueOrDefault(StripeWebhooks.InvoiceMetadataKey);

    private static string? Operation(Dictionary<string, string>? metadata) => metadata?.GetValueOrDefault(StripeTransfers.OperationMetadataKey);
}
