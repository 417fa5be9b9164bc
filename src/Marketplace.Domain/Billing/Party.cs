namespace Marketplace.Domain.Billing;

public enum PartyKind
{
    Partner,
    Platform,
    Tax,
}

/// <summary>
/// Who has a share of an invoice: a partner, the platform, or the tax authority. Parties order
/// partners first (by id, ordinal), then the platform, then tax: the fixed tie-break of every
/// proportional split of a payment or refund.
/// </summary>
public readonly record struct Party : IComparable<Party>
{
    private Party(PartyKind kind, string? partnerId)
    {
        Kind = kind;
        PartnerId = partnerId;
    }

    public PartyKind Kind { get; }

    public string? PartnerId { get; }

    public static Party Platform { get; } = new(PartyKind.Platform, null);

    public static Party Tax { get; } = new(PartyKind.Tax, null);

    public static Party Partner(string partnerId) =>
        new(PartyKind.Partner, string.IsNullOrWhiteSpace(partnerId) ? throw new ArgumentException("A partner's share names the partner.", nameof(partnerId)) : partnerId);

    public int CompareTo(Party other)
    {
        var byKind = ((int)Kind).CompareTo((int)other.Kind);
        return byKind != 0 ? byKind : string.CompareOrdinal(PartnerId, other.PartnerId);
    }

    public override string ToString() => Kind == PartyKind.Partner ? "partner:" + PartnerId : Kind.ToString().ToLowerInvariant();
}
