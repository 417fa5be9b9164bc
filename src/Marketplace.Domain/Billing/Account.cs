namespace Marketplace.Domain.Billing;

/// <summary>
/// One account of the ledger: a kind, and for per-party kinds the id of the customer, gateway or
/// partner it belongs to. Built only through the factories, so an owner is present exactly where the
/// kind needs one. Orders by kind, then owner (ordinal), which is the order of the trial balance.
/// </summary>
public readonly record struct Account : IComparable<Account>
{
    private Account(AccountKind kind, string? owner)
    {
        Kind = kind;
        Owner = owner;
    }

    public AccountKind Kind { get; }

    /// <summary>The customer organisation, gateway or partner organisation; null for the platform's own accounts.</summary>
    public string? Owner { get; }

    public static Account PlatformRevenue { get; } = new(AccountKind.PlatformRevenue, null);

    public static Account TaxPayable { get; } = new(AccountKind.TaxPayable, null);

    public static Account Refunds { get; } = new(AccountKind.Refunds, null);

    public static Account CustomerReceivable(string customerId) => new(AccountKind.CustomerReceivable, Required(customerId, nameof(customerId)));

    public static Account GatewayClearing(string gatewayId) => new(AccountKind.GatewayClearing, Required(gatewayId, nameof(gatewayId)));

    public static Account PartnerPending(string partnerId) => new(AccountKind.PartnerPending, Required(partnerId, nameof(partnerId)));

    public static Account PartnerPayable(string partnerId) => new(AccountKind.PartnerPayable, Required(partnerId, nameof(partnerId)));

    /// <summary>
    /// The side on which the account's balance normally sits: debit for assets and contra-revenue,
    /// credit for liabilities and revenue.
    /// </summary>
    public Side NormalSide => Kind is AccountKind.CustomerReceivable or AccountKind.GatewayClearing or AccountKind.Refunds ? Side.Debit : Side.Credit;

    public int CompareTo(Account other)
    {
        var byKind = ((int)Kind).CompareTo((int)other.Kind);
        return byKind != 0 ? byKind : string.CompareOrdinal(Owner, other.Owner);
    }

    /// <summary>"partner-payable:org_x", "platform-revenue": stable text for APIs and logs.</summary>
    public override string ToString() => Owner is null ? Slug(Kind) : Slug(Kind) + ":" + Owner;

    /// <summary>The account <see cref="ToString"/> wrote: how stores and APIs name it.</summary>
    /// <exception cref="FormatException">When the text names no account.</exception>
    public static Account Parse(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var slug = colon < 0 ? text : text[..colon];
        var owner = colon < 0 ? null : text[(colon + 1)..];
        var kind = Enum.GetValues<AccountKind>().Cast<AccountKind?>().FirstOrDefault(k => Slug(k!.Value) == slug)
            ?? throw new FormatException($"'{text}' names no ledger account.");
        return kind switch
        {
            AccountKind.PlatformRevenue or AccountKind.TaxPayable or AccountKind.Refunds when owner is null => new Account(kind, null),
            AccountKind.CustomerReceivable or AccountKind.GatewayClearing or AccountKind.PartnerPending or AccountKind.PartnerPayable when !string.IsNullOrWhiteSpace(owner) => new Account(kind, owner),
            _ => throw new FormatException($"'{text}' names no ledger account: {slug} {(owner is null ? "needs an owner" : "has no owner")}."),
        };
    }

    private static string Slug(AccountKind kind) => kind switch
    {
        AccountKind.CustomerReceivable => "customer-receivable",
        AccountKind.GatewayClearing => "gateway-clearing",
        AccountKind.PartnerPending => "partner-pending",
        AccountKind.PartnerPayable => "partner-payable",
        AccountKind.PlatformRevenue => "platform-revenue",
        AccountKind.TaxPayable => "tax-payable",
        AccountKind.Refunds => "refunds",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static string Required(string owner, string name) =>
        string.IsNullOrWhiteSpace(owner) ? throw new ArgumentException("An account of this kind belongs to someone: the id is required.", name) : owner;
}
