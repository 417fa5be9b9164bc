using Marketplace.Abstractions.Errors;
using Marketplace.Abstractions.Files;
using Marketplace.Abstractions.Listings;
using Marketplace.Abstractions.Sandbox;
using Marketplace.Application.Common.Security;
using Marketplace.Application.Listings;
using Marketplace.Application.Partners;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Vocabulary;
using Mediator;
using Microsoft.Extensions.Options;

namespace Marketplace.Application.Sandbox.Artifacts;

/// <summary>One uploaded file by the name it was sent under ("vocab.json", "merges.txt", "tokenizer.model").</summary>
public sealed record TokenizerFile(string Name, Stream Content);

/// <summary>
/// The tokenizer a text-generation model reads prompts and writes answers with: GPT-2-style
/// byte-level BPE (vocab.json and merges.txt; the 256 byte tokens with no merges will do) or
/// SentencePiece (tokenizer.model). Stored content-addressed, read once to prove it loads, and
/// attached to the working version beside its model file.
/// </summary>
public sealed record UploadTokenizer(string ListingId, IReadOnlyList<TokenizerFile> Files) : ICommand<ListingSnapshot>, IAuthorizedRequest
{
    public const string VocabJson = "vocab.json";
    public const string MergesTxt = "merges.txt";
    public const string TokenizerModel = "tokenizer.model";

    Access IAuthorizedRequest.Access => Access.Listing(ListingId, operatorMay: false);
}

public sealed class UploadTokenizerHandler(
    IGrainFactory grains, IContentStore store, ITokenizerFiles tokenizers, Benchmarks.ModelBenchmarkJobs benchmarks, IOptions<SandboxOptions> options, ICallerAccessor callers)
    : ICommandHandler<UploadTokenizer, ListingSnapshot>
{
    public async ValueTask<ListingSnapshot> Handle(UploadTokenizer c, CancellationToken cancellationToken)
    {
        var listing = await grains.ExistingListingAsync(c.ListingId);
        var snapshot = (await listing.GetAsync())!;
        if (snapshot.Kind != ListingKind.Model || snapshot.Current.Content.Model?.Adapter != ModelAdapters.Generate)
        {
            throw new ConflictException("listing.not_a_generation_model", "Only text-generation models (task text-generation, adapter generate) carry a tokenizer; text models take a vocabulary.");
        }
        var names = c.Files.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var bpe = names.SetEquals([UploadTokenizer.VocabJson, UploadTokenizer.MergesTxt]);
        if (c.Files.Count != names.Count || !(bpe || names.SetEquals([UploadTokenizer.TokenizerModel])))
        {
            throw new RequestValidationException("files",
                $"Send either '{UploadTokenizer.VocabJson}' and '{UploadTokenizer.MergesTxt}' (byte-level BPE) or '{UploadTokenizer.TokenizerModel}' (SentencePiece) as multipart files; got {(names.Count == 0 ? "none" : string.Join(", ", c.Files.Select(f => $"'{f.Name}'")))}.");
        }
        var stored = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in c.Files)
        {
            stored[file.Name] = await StoreAsync(file, cancellationToken);
        }
        var files = bpe
            ? new ModelTokenizer { Kind = ModelTokenizer.ByteLevelBpe, VocabSha256 = stored[UploadTokenizer.VocabJson], MergesSha256 = stored[UploadTokenizer.MergesTxt] }
            : new ModelTokenizer { Kind = ModelTokenizer.SentencePiece, ModelSha256 = stored[UploadTokenizer.TokenizerModel] };
        var tokenizer = await tokenizers.ReadAsync(files, cancellationToken);
        if (snapshot.Current.Artifact?.Decoder is { } decoder && tokenizer.VocabularySize > decoder.VocabularySize)
        {
            throw new RequestValidationException(bpe ? UploadTokenizer.VocabJson : UploadTokenizer.TokenizerModel,
                $"The tokenizer knows {tokenizer.VocabularySize} ids but the model's logits cover {decoder.VocabularySize}.");
        }
        var updated = await listing.AttachTokenizerAsync(tokenizer, Actors.Describe(await callers.GetCallerAsync(cancellationToken)));
        if (updated.Current.Artifact is { IsValid: true, Decoder: not null } && options.Value.BenchmarkOnUpload)
        {
            // Its decoder can run now: measure tokens per second in the background, as a model file upload does.
            benchmarks.Start(c.ListingId);
        }
        return updated;
    }

    private async Task<string> StoreAsync(TokenizerFile file, CancellationToken cancellationToken)
    {
        var max = options.Value.MaxTokenizerBytes;
        try
        {
            var stored = await store.PutAsync(file.Content, max, null, cancellationToken);
            return stored.SizeBytes > 0 || file.Name == UploadTokenizer.MergesTxt
                ? stored.Sha256
                : throw new RequestValidationException(file.Name, $"'{file.Name}' is empty.");
        }
        catch (ContentTooLargeException)
        {
            throw new RequestValidationException(file.Name, $"'{file.Name}' is larger than {max:N0} bytes.");
        }
    }
}
