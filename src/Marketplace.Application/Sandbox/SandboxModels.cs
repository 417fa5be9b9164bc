using Marketplace.Abstractions.Errors;
using Marketplace.Abstractions.Listings;
using Marketplace.Domain.Common;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Sandbox;
using Marketplace.Domain.Vocabulary;

namespace Marketplace.Application.Sandbox;

internal static class SandboxModels
{
    /// <summary>The runnable model of a version, or why there is none.</summary>
    public static SandboxModel For(string listingId, ListingVersion version)
    {
        if (version.Content.Model is not { } spec)
        {
            throw new ConflictException("sandbox.not_a_model", "Only model listings can be tried in the sandbox.");
        }
        if (version.Artifact is not { IsValid: true } artifact)
        {
            throw new ConflictException("sandbox.no_artifact", $"Version {version.Version} has no validated ONNX file, so it cannot run in the sandbox.");
        }
        return Runnable(new SandboxModel(listingId, version.Version, spec, artifact));
    }

    /// <summary>What the engine needs besides the file, checked before a trial is admitted and counted.</summary>
    public static SandboxModel Runnable(SandboxModel model) => model.Spec.Adapter switch
    {
        ModelAdapters.Text when model.Artifact.VocabularySha256 is null =>
            throw new ConflictException("sandbox.no_vocabulary", "This text model has no vocabulary (vocab.txt) yet, so it cannot tokenise input."),
        ModelAdapters.Generate when model.Artifact.Decoder is null =>
            throw new ConflictException("sandbox.not_a_decoder", "This text-generation model's file is not a decoder with a KV cache, so it cannot generate text."),
        ModelAdapters.Generate when model.Artifact.Tokenizer is null =>
            throw new ConflictException("sandbox.no_tokenizer", "This text-generation model has no tokenizer yet (vocab.json and merges.txt, or tokenizer.model), so it cannot read a prompt."),
        _ => model,
    };

    /// <summary>The version its partner is editing or that is in review (the published one when there is no other).</summary>
    public static async Task<SandboxModel> WorkingAsync(IGrainFactory grains, string listingId)
    {
        var snapshot = Identifiers.LooksLike(listingId, "lst") ? await grains.GetGrain<IListingGrain>(listingId).GetAsync() : null;
        return snapshot is null
            ? throw new NotFoundException("Listing", listingId)
            : For(listingId, snapshot.Current);
    }

    /// <summary>The published model buyers try; drafts and unknown ids are a 404 like in the catalog.</summary>
    public static async Task<SandboxModel> PublishedAsync(IGrainFactory grains, string listingId)
    {
        var listing = Identifiers.LooksLike(listingId, "lst") ? grains.GetGrain<IListingGrain>(listingId) : null;
        if (listing is not null && (await listing.GetSandboxModelAsync()).Value is { } model)
        {
            return Runnable(model);
        }
        // Nothing runnable: say whether it is unknown (404) or just has no model file (409).
        var published = listing is null ? null : await listing.GetPublishedAsync();
        if (published is null)
        {
            throw new NotFoundException("Catalog item", listingId);
        }
        var snapshot = (await listing!.GetAsync())!;
        return For(listingId, snapshot.Published!);
    }
}
