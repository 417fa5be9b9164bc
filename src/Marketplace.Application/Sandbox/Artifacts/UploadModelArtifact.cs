using Marketplace.Abstractions.Sandbox;
using Marketplace.Abstractions.Errors;
using Marketplace.Abstractions.Files;
using Marketplace.Application.Common.Security;
using Marketplace.Application.Listings;
using Marketplace.Application.Partners;
using Marketplace.Application.Sandbox.Benchmarks;
using Marketplace.Domain.Listings;
using Mediator;
using Microsoft.Extensions.Options;

namespace Marketplace.Application.Sandbox.Artifacts;

/// <summary>
/// The owning partner uploads the ONNX file of a model listing: streamed into the content store
/// (size-capped, SHA-256), validated in an isolated worker process, and attached to the working
/// version with the verdict. A valid file is benchmarked in the background.
/// </summary>
public sealed record UploadModelArtifact(string ListingId, Stream Content, IProgress<long>? Progress = null) : ICommand<ArtifactView>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Listing(ListingId, operatorMay: false);

    /// <summary>The one answer to a file over the limit, whoever notices it (the store's count or the web server's cap).</summary>
    public static RequestValidationException TooLarge(long maxBytes) =>
        new("artifact", $"The file is larger than the limit of {maxBytes:N0} bytes.");
}

public sealed class UploadModelArtifactHandler(
    IGrainFactory grains,
    IContentStore store,
    IArtifactValidation validation,
    ModelBenchmarkJobs benchmarks,
    IOptions<SandboxOptions> options,
    ICallerAccessor callers) : ICommandHandler<UploadModelArtifact, ArtifactView>
{
    public async ValueTask<ArtifactView> Handle(UploadModelArtifact c, CancellationToken cancellationToken)
    {
        var listing = await grains.ExistingListingAsync(c.ListingId);
        var snapshot = (await listing.GetAsync())!;
        if (snapshot.Kind != ListingKind.Model)
        {
            throw new ConflictException("listing.not_a_model", "Only model listings carry a model file.");
        }
        StoredFile stored;
        try
        {
            stored = await store.PutAsync(c.Content, options.Value.MaxArtifactBytes, c.Progress, cancellationToken);
        }
        catch (ContentTooLargeException)
        {
            throw UploadModelArtifact.TooLarge(options.Value.MaxArtifactBytes);
        }
        if (stored.SizeBytes == 0)
        {
            throw new RequestValidationException("artifact", "The body is empty; send the ONNX file as application/octet-stream.");
        }
        var artifact = await validation.ValidateAsync(store.PathOf(stored.Sha256), stored.Sha256, stored.SizeBytes, snapshot.Current.Content.Model, cancellationToken);
        var updated = await listing.AttachArtifactAsync(artifact, Actors.Describe(await callers.GetCallerAsync(cancellationToken)));
        // A text-generation model is measured once it also has its tokenizer (see UploadTokenizer).
        var generatorWithoutTokenizer = snapshot.Current.Content.Model?.Adapter == Domain.Vocabulary.ModelAdapters.Generate && updated.Current.Artifact?.Tokenizer is null;
        if (artifact.IsValid && options.Value.BenchmarkOnUpload && !generatorWithoutTokenizer)
        {
            benchmarks.Start(c.ListingId);
        }
        return ArtifactView.From(artifact, updated.Current);
    }
}
