namespace Marketplace.Domain.Partners;

public enum PartnerStatus
{
    Draft,
    Submitted,
    Verified,
    Rejected,
    Suspended,
}

/// <summary>What can happen to a partner application.</summary>
public enum PartnerAction
{
    /// <summary>The partner edits its profile, documents or payout account.</summary>
    Edit,
    Submit,
    Verify,
    Reject,
    Suspend,
    Reinstate,
}

/// <summary>Which side of the marketplace a partner serves; a partner may be several.</summary>
public enum PartnerKind
{
    ModelVendor,
    Integrator,
    HardwareVendor,
}
