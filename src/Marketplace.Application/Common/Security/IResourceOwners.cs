namespace Marketplace.Application.Common.Security;

/// <summary>Answers "which organisation owns this?" for rules that depend on the object.</summary>
public interface IResourceOwners
{
    /// <summary>The partner organisation owning the listing, or null when there is no such listing.</summary>
    ValueTask<string?> ListingOwnerAsync(string listingId);
}
