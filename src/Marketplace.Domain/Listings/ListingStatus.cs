namespace Marketplace.Domain.Listings;

/// <summary>The status of one version of a listing.</summary>
public enum ListingStatus
{
    Draft,
    InReview,
    Published,
    Rejected,
    Deprecated,

    /// <summary>A published version replaced by a newer published version (kept, immutable).</summary>
    Superseded,
}

public enum ListingAction
{
    Edit,
    Submit,
    Withdraw,
    Approve,
    Reject,
    Deprecate,
}
