using Marketplace.Domain.Partners;

namespace Marketplace.Abstractions.Partners;

/// <summary>
/// A partner's onboarding and verification (key: the partner organisation's id). Every change
/// goes through <see cref="PartnerLifecycle"/>; an action the state does not allow throws a
/// ConflictException and changes nothing. Every change is audited with who, when and why.
/// </summary>
[Alias("Marketplace.IPartnerGrain")]
public interface IPartnerGrain : IGrainWithStringKey
{
    [Alias("GetAsync")]
    Task<PartnerSnapshot> GetAsync();

    [Alias("UpdateProfileAsync")]
    Task<PartnerSnapshot> UpdateProfileAsync(PartnerProfile profile, string actor);

    [Alias("AcceptAgreementAsync")]
    Task<PartnerSnapshot> AcceptAgreementAsync(string version, string actor);

    [Alias("AddDocumentAsync")]
    Task<PartnerSnapshot> AddDocumentAsync(PartnerDocument document, string actor);

    [Alias("RemoveDocumentAsync")]
    Task<PartnerSnapshot> RemoveDocumentAsync(string documentId, string actor);

    [Alias("LinkPayoutAccountAsync")]
    Task<PartnerSnapshot> LinkPayoutAccountAsync(PayoutAccount account, string actor);

    [Alias("SubmitAsync")]
    Task<PartnerSnapshot> SubmitAsync(string actor);

    [Alias("VerifyAsync")]
    Task<PartnerSnapshot> VerifyAsync(string? note, string actor);

    [Alias("RejectAsync")]
    Task<PartnerSnapshot> RejectAsync(string reason, string actor);

    [Alias("SuspendAsync")]
    Task<PartnerSnapshot> SuspendAsync(string reason, string actor);

    [Alias("ReinstateAsync")]
    Task<PartnerSnapshot> ReinstateAsync(string? note, string actor);

    /// <summary>Remembers a listing this partner created (for its dashboard and suspension).</summary>
    [Alias("RegisterListingAsync")]
    Task RegisterListingAsync(string listingId);

    /// <summary>
    /// Whether the partner may put listings in front of buyers (verified, not suspended).
    /// Read-only, so it may interleave: a listing can ask while the partner is updating its listings.
    /// </summary>
    [Alias("IsVerifiedAsync"), Orleans.Concurrency.AlwaysInterleave]
    Task<bool> IsVerifiedAsync();
}
