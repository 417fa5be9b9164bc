using System.Text;
using Marketplace.Abstractions.Errors;
using Marketplace.Abstractions.Files;
using Marketplace.Abstractions.Listings;
using Marketplace.Application.Common.Security;
using Marketplace.Application.Listings;
using Marketplace.Application.Partners;
using Mediator;
using Microsoft.Extensions.Options;

namespace Marketplace.Application.Sandbox.Artifacts;

/// <summary>The vocabulary (vocab.txt, one word piece per line) a text model's adapter tokenises with.</summary>
public sealed record UploadVocabulary(string ListingId, Stream Content) : ICommand<ListingSnapshot>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Listing(ListingId, operatorMay: false);
}

public sealed class UploadVocabularyHandler(IGrainFactory grains, IContentStore store, IOptions<SandboxOptions> options, ICallerAccessor callers)
    : ICommandHandler<UploadVocabulary, ListingSnapshot>
{
    public async ValueTask<ListingSnapshot> Handle(UploadVocabulary c, CancellationToken cancellationToken)
    {
        var listing = await grains.ExistingListingAsync(c.ListingId);
        StoredFile stored;
        try
        {
            stored = await store.PutAsync(c.Content, options.Value.MaxVocabularyBytes, null, cancellationToken);
        }
        catch (ContentTooLargeException)
        {
            throw new RequestValidationException("vocabulary", $"The vocabulary is larger than {options.Value.MaxVocabularyBytes:N0} bytes.");
        }
        await CheckLooksLikeVocabularyAsync(store, stored.Sha256, cancellationToken);
        return await listing.AttachVocabularyAsync(stored.Sha256, Actors.Describe(await callers.GetCallerAsync(cancellationToken)));
    }

    /// <summary>A WordPiece vocabulary is UTF-8 text, one token per line, with the special tokens BERT needs.</summary>
    private static async Task CheckLooksLikeVocabularyAsync(IContentStore store, string sha256, CancellationToken cancellationToken)
    {
        await using var stream = store.OpenRead(sha256);
        using var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true));
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                tokens.Add(line.Trim());
            }
        }
        catch (DecoderFallbackException)
        {
            throw new RequestValidationException("vocabulary", "The vocabulary is not UTF-8 text.");
        }
        var missing = new[] { "[CLS]", "[SEP]", "[UNK]", "[PAD]" }.Where(t => !tokens.Contains(t)).ToList();
        if (tokens.Count < 100 || missing.Count > 0)
        {
            throw new RequestValidationException("vocabulary", $"Not a WordPiece vocabulary ({tokens.Count} lines; missing {string.Join(", ", missing)}).");
        }
    }
}
