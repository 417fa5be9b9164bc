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
    /// Why the partner may not put a listing of this kind in front of buyers (not verified, or
    /// suspended, or the kind is not one it declared), as a conflict code and message; null when it may.
    /// Read-only, so it may interleave: a listing can ask while the partner is updating its listings.
    /// </summary>
    [Alias("WhyCannotSubmitAsync"), Orleans.Concurrency.AlwaysInterleave]
    Task<ConflictReason?> WhyCannotSubmitAsync(Domain.Listings.ListingKind kind);
}

/// <summary>A refusal as the API states it: a stable code and a message saying what to change.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.ConflictReason")]
public sealed record ConflictReason([property: Id(0)] string Code, [property: Id(1)] string Message);
