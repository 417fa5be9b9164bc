using Orleans.Concurrency;
using Marketplace.Domain.Listings;

namespace Marketplace.Abstractions.Listings;

/// <summary>
/// One listing and its versions (key: listing id). Published versions never change: editing a
/// published listing opens a new draft version with a higher semantic version.
/// </summary>
[Alias("Marketplace.IListingGrain")]
public interface IListingGrain : IGrainWithStringKey
{
    [Alias("CreateAsync")]
    Task<ListingSnapshot> CreateAsync(string partnerId, ListingContent content, string actor);

    /// <summary>The listing, or null when none has this id.</summary>
    [Alias("GetAsync")]
    Task<ListingSnapshot?> GetAsync();

    /// <summary>The published version, or null when nothing is published or it is hidden.</summary>
    [Alias("GetPublishedAsync")]
    Task<PublishedListing?> GetPublishedAsync();

    /// <summary>The published version as the sandbox runs it (spec and validated file), or null when there is none to run.</summary>
    [Alias("GetSandboxModelAsync")]
    Task<Immutable<Domain.Sandbox.SandboxModel?>> GetSandboxModelAsync();

    /// <summary>Edits the draft; on a published listing opens a new version (<paramref name="version"/> or the next minor).</summary>
    [Alias("UpdateAsync")]
    Task<ListingSnapshot> UpdateAsync(ListingContent content, string? version, string actor);

    /// <summary>
    /// Sets the working version's validated model file (a published listing gets a new version
    /// carrying it). Model listings only; a file that failed validation is kept with its reasons.
    /// </summary>
    [Alias("AttachArtifactAsync")]
    Task<ListingSnapshot> AttachArtifactAsync(ModelArtifact artifact, string actor);

    /// <summary>Sets the working version's vocabulary (vocab.txt) for text models.</summary>
    [Alias("AttachVocabularyAsync")]
    Task<ListingSnapshot> AttachVocabularyAsync(string sha256, string actor);

    /// <summary>Sets the working version's tokenizer for text-generation models (after its model file).</summary>
    [Alias("AttachTokenizerAsync")]
    Task<ListingSnapshot> AttachTokenizerAsync(ModelTokenizer tokenizer, string actor);

    [Alias("SubmitAsync")]
    Task<ListingSnapshot> SubmitAsync(string actor);

    [Alias("WithdrawAsync")]
    Task<ListingSnapshot> WithdrawAsync(string actor);

    [Alias("ApproveAsync")]
    Task<ListingSnapshot> ApproveAsync(string? note, string actor);

    [Alias("RejectAsync")]
    Task<ListingSnapshot> RejectAsync(string reason, string actor);

    [Alias("DeprecateAsync")]
    Task<ListingSnapshot> DeprecateAsync(string? reason, string actor);

    /// <summary>Hides or shows the published version when its partner is suspended or reinstated.</summary>
    [Alias("SetVisibleAsync")]
    Task SetVisibleAsync(bool visible, string reason);

    /// <summary>Republishes the catalog entry (partner renamed, index rebuilt).</summary>
    [Alias("RefreshCatalogAsync")]
    Task RefreshCatalogAsync();
}
