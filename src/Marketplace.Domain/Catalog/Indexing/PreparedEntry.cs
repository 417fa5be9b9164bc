using Marketplace.Domain.Listings;

namespace Marketplace.Domain.Catalog.Indexing;

/// <summary>
/// An entry with its tokens and normalised facet values worked out, so that the work happens
/// before the index takes its write lock and searches wait only for the appends.
/// </summary>
internal sealed class PreparedEntry
{
    private PreparedEntry(CatalogEntry entry)
    {
        Entry = entry;
    }

    public CatalogEntry Entry { get; }

    /// <summary>Each distinct token once, with the highest weight of the fields it occurs in.</summary>
    public IReadOnlyList<KeyValuePair<string, byte>> Terms { get; private init; } = [];

    public IReadOnlyList<string> Industries { get; private init; } = [];

    public IReadOnlyList<string> Deployments { get; private init; } = [];

    public IReadOnlyList<string> Regions { get; private init; } = [];

    public string? Task { get; private init; }

    public string? License { get; private init; }

    /// <summary>Upper-case ISO code when the entry has a price; null without one.</summary>
    public string? PricedIn { get; private init; }

    public int PriceRangeIndex { get; private init; } = -1;

    public int AcceleratorMemoryIndex { get; private init; } = -1;

    public static PreparedEntry From(CatalogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrEmpty(entry.Id);
        var pricedIn = entry.PriceMinor is null ? null : (entry.Currency ?? "").ToUpperInvariant();
        return new PreparedEntry(entry)
        {
            Terms = TermsOf(entry),
            Industries = FacetValues(entry.Industries),
            Deployments = FacetValues(entry.Deployment),
            Regions = FacetValues(entry.Regions),
            Task = FacetValue(entry.Task),
            License = FacetValue(entry.License),
            PricedIn = pricedIn,
            PriceRangeIndex = entry.PriceMinor is { } price && pricedIn is not null
                ? CatalogFacetBuckets.PriceRangeIndexOf(price, pricedIn)
                : -1,
            AcceleratorMemoryIndex = entry.AcceleratorMemoryGb is { } memory
                ? CatalogFacetBuckets.AcceleratorMemoryIndexOf(memory)
                : -1,
        };
    }

    public static string FacetKey(string value) => value.ToLowerInvariant();

    public static string KindKey(ListingKind kind) => CatalogFacets.KindValue(kind);

    private static string? FacetValue(string? value) => value is null ? null : FacetKey(value);

    private static string[] FacetValues(IReadOnlyList<string>? values) =>
        values is null ? [] : values.Where(v => v is not null).Select(FacetKey).Distinct(StringComparer.Ordinal).ToArray();

    private static KeyValuePair<string, byte>[] TermsOf(CatalogEntry entry)
    {
        var weights = new Dictionary<string, byte>(StringComparer.Ordinal);
        var tokens = new List<string>();
        void Add(string? text, byte weight)
        {
            tokens.Clear();
            CatalogText.Tokenize(text, tokens);
            foreach (var token in tokens)
            {
                if (!weights.TryGetValue(token, out var existing) || existing < weight)
                {
                    weights[token] = weight;
                }
            }
        }
        void AddAll(IReadOnlyList<string>? texts, byte weight)
        {
            foreach (var text in texts ?? [])
            {
                Add(text, weight);
            }
        }
        Add(entry.Name, FieldWeights.Name);
        Add(entry.PartnerName, FieldWeights.PartnerName);
        Add(entry.Summary, FieldWeights.Summary);
        AddAll(entry.Tags, FieldWeights.Tags);
        AddAll(entry.Industries, FieldWeights.Industries);
        Add(entry.Task, FieldWeights.Task);
        AddAll(entry.Capabilities, FieldWeights.Capabilities);
        Add(entry.AcceleratorType, FieldWeights.AcceleratorType);
        Add(entry.License, FieldWeights.License);
        Add(entry.Modality, FieldWeights.Modality);
        return weights.ToArray();
    }
}
