namespace Marketplace.Domain.Billing;

/// <summary>
/// The kinds of account the marketplace books money in. Whose account it is (a customer, a gateway,
/// a partner) is the <see cref="Account.Owner"/>; the platform's own accounts have no owner.
/// </summary>
public enum AccountKind
{
    /// <summary>Asset, one per customer organisation: invoiced and not yet paid.</summary>
    CustomerReceivable,

    /// <summary>Asset, one per gateway ("offline", "stripe"): money received and not yet paid on, in transit at the gateway or bank.</summary>
    GatewayClearing,

    /// <summary>
    /// Liability, one per partner organisation: its share of invoices the customer has not paid yet.
    /// Kept apart from <see cref="PartnerPayable"/> so that only collected money can be paid out.
    /// </summary>
    PartnerPending,

    /// <summary>
    /// Liability, one per partner organisation: its share of collected money, owed until paid out.
    /// A debit (negative) balance is money the partner owes back: a refund clawed back a share that
    /// had already been paid out, and the next payouts recover it.
    /// </summary>
    PartnerPayable,

    /// <summary>Revenue: the platform's take, recognised when the invoice is issued.</summary>
    PlatformRevenue,

    /// <summary>Liability: tax invoiced, owed to the tax authority.</summary>
    TaxPayable,

    /// <summary>
    /// Contra-revenue: the platform's take given back by refunds. Debited instead of
    /// <see cref="PlatformRevenue"/> so that gross revenue and refunds both stay visible.
    /// </summary>
    Refunds,
}
