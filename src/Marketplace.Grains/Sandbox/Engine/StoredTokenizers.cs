using System.Collections.Concurrent;
using Marketplace.Abstractions.Errors;
using Marketplace.Abstractions.Files;
using Marketplace.Abstractions.Sandbox;
using Marketplace.Domain.Listings;
using Marketplace.Inference.Generation;

namespace Marketplace.Grains.Sandbox.Engine;

/// <summary>
/// Tokenizers from the content store, read with Microsoft.ML.Tokenizers: checked when a partner
/// uploads them, loaded once per (files, listing settings) for generations.
/// </summary>
public sealed class StoredTokenizers(IContentStore store) : ITokenizerFiles
{
    private readonly ConcurrentDictionary<string, Lazy<ITextTokenizer>> _loaded = new(StringComparer.Ordinal);

    public Task<ModelTokenizer> ReadAsync(ModelTokenizer files, CancellationToken cancellationToken)
    {
        var tokenizer = Read(files, null);
        return Task.FromResult(files with { VocabularySize = tokenizer.VocabularySize, EndOfSequenceId = tokenizer.EndOfSequenceId });
    }

    /// <summary>The tokenizer a generation uses, with the listing's special tokens and end of sequence.</summary>
    public ITextTokenizer Load(ModelTokenizer files, ModelAdapterSettings? settings)
    {
        var specials = settings?.SpecialTokens is { Count: > 0 } s ? string.Join("\u0001", s.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}\u0002{p.Value}")) : "";
        var key = string.Join('|', files.Kind, files.VocabSha256, files.MergesSha256, files.ModelSha256, settings?.EndOfSequenceId, specials);
        var entry = _loaded.GetOrAdd(key, _ => new Lazy<ITextTokenizer>(() => Read(files, settings)));
        try
        {
            return entry.Value;
        }
        catch
        {
            _loaded.TryRemove(new KeyValuePair<string, Lazy<ITextTokenizer>>(key, entry));
            throw;
        }
    }

    private ITextTokenizer Read(ModelTokenizer files, ModelAdapterSettings? listing)
    {
        var settings = new TokenizerSettings { SpecialTokens = listing?.SpecialTokens, EndOfSequenceId = listing?.EndOfSequenceId };
        try
        {
            if (files.Kind == ModelTokenizer.SentencePiece)
            {
                using var model = Open(files.ModelSha256, "tokenizer.model");
                return SentencePieceTextTokenizer.Load(model, settings);
            }
            using var vocab = Open(files.VocabSha256, "vocab.json");
            using var merges = Open(files.MergesSha256, "merges.txt");
            return ByteLevelBpeTokenizer.Load(vocab, merges, settings);
        }
        catch (TokenizerLoadException e)
        {
            var field = files.Kind == ModelTokenizer.SentencePiece ? "tokenizer.model"
                : e.Message.StartsWith("merges.txt", StringComparison.Ordinal) ? "merges.txt"
                : "vocab.json";
            throw new RequestValidationException(field, e.Message);
        }
    }

    private Stream Open(string? sha256, string name) =>
        sha256 is not null && store.Exists(sha256)
            ? store.OpenRead(sha256)
            : throw new ConflictException("sandbox.no_tokenizer", $"The tokenizer's {name} is missing from the store; upload the tokenizer again.");
}
