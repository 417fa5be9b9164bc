using CsCheck;
using Marketplace.Domain.Catalog;
using Marketplace.Domain.Listings;

namespace Marketplace.Domain.Tests.Catalog;

/// <summary>
/// Random catalogs and queries drawn from small vocabularies, so that ids collide (replacements),
/// values repeat in different case, prices and dates tie, and prefixes hit several words.
/// </summary>
internal static class CatalogGenerators
{
    private static readonly string[] Words =
        ["Vision", "vision", "Visual", "VIT", "Llama", "LLaMA", "gpu", "GPU", "Edge", "edge-ai", "機械学習", "推論", "café", "Ωmega", "h200", "x-ray", "Finance", "under_score", "[beta]", "Zebra", "zeBRA", "ab", "AB"];

    private static readonly string[] QueryWords =
        ["vis", "vision", "VISUAL", "v", "gpu", "llama", "edge", "ai", "機", "学習", "推", "cafe", "café", "ωmega", "h", "h200", "acme", "zeta", "finance", "apache", "mit", "2", "text", "zzz"];

    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly Gen<string> Id = Gen.Int[0, 24].Select(i => "e" + i);

    private static Gen<string[]> SomeOf(params string[] values) => Gen.OneOf(values).Array[0, 3];

    private static Gen<string?> MaybeOneOf(params string[] values) => Gen.OneOf(values).Null(0.3);

    private static readonly Gen<string> Text = Gen.OneOf(Words).Array[1, 3].Select(w => string.Join(' ', w));

    private static readonly Gen<(long? Price, string Currency)> Price =
        Gen.Select(
            Gen.OneOf(0L, 9_999L, 10_000L, 10_001L, 99_999L, 100_000L, 1_000_000L, 10_000_000L, 123_456_789L).Nullable(0.25),
            Gen.OneOf("USD", "EUR", "JPY", "usd", "XYZ"));

    public static readonly Gen<CatalogEntry> Entry =
        Gen.Select(
            Gen.Select(Id, Gen.OneOf(ListingKind.Model, ListingKind.Integrator, ListingKind.Hardware), Text, Gen.OneOf("Acme", "Zeta Labs", "NVIDIA"), Text.Null(0.3)),
            Gen.Select(SomeOf("Finance", "finance", "Health", "Manufacturing", "Retail"), SomeOf("DE", "de", "FR", "US", "GLOBAL", "global", "JP"), Gen.OneOf(Words).Array[0, 3]),
            Gen.Select(MaybeOneOf("text-embedding", "Text-Generation", "object-detection"), MaybeOneOf("text", "image"), MaybeOneOf("apache-2.0", "MIT", "mit", "proprietary"), SomeOf("Cloud", "Private", "cloud")),
            Gen.Select(SomeOf("rag", "mlops", "computer-vision"), MaybeOneOf("NVIDIA H200", "AMD MI300X", "none"), Gen.OneOf(0.0, 16, 23.99, 24, 40, 48, 80, 96, 141, 192).Nullable(0.4)),
            Gen.Select(Price, Gen.Int[0, 5]),
            (a, b, c, d, e) => new CatalogEntry
            {
                Id = a.Item1,
                Kind = a.Item2,
                Name = a.Item3,
                PartnerId = "org_" + a.Item4.Length,
                PartnerName = a.Item4,
                Summary = a.Item5 ?? "",
                Industries = b.Item1,
                Regions = b.Item2,
                Tags = b.Item3,
                Task = c.Item1,
                Modality = c.Item2,
                License = c.Item3,
                Deployment = c.Item4,
                Capabilities = d.Item1,
                AcceleratorType = d.Item2,
                AcceleratorMemoryGb = d.Item3,
                PriceMinor = e.Item1.Price,
                Currency = e.Item1.Currency,
                PublishedAt = Start.AddDays(e.Item2),
            });

    /// <summary>A change to apply to both the index and the reference.</summary>
    public abstract record Change;

    public sealed record Upsert(CatalogEntry Entry) : Change;

    public sealed record Remove(string Id) : Change;

    public sealed record ReplaceAll(CatalogEntry[] Entries) : Change;

    public static readonly Gen<Change> AnyChange = Gen.Frequency(
        (12, Entry.Select(e => (Change)new Upsert(e))),
        (4, Id.Select(id => (Change)new Remove(id))),
        (1, Entry.Array[0, 12].Select(e => (Change)new ReplaceAll(e))));

    /// <summary>Each filter is present only now and then, so that most queries still match something.</summary>
    private static Gen<T[]> Rarely<T>(Gen<T[]> values) => Gen.Frequency((5, Gen.Const(Array.Empty<T>())), (1, values));

    private static Gen<string[]> RarelySomeOf(params string[] values) => Rarely(Gen.OneOf(values).Array[1, 3]);

    public static readonly Gen<CatalogQuery> Query =
        Gen.Select(
            Gen.Select(Gen.OneOf(QueryWords).Array[0, 2].Select(w => w.Length == 0 ? null : string.Join(" ", w)), Rarely(Gen.OneOf(ListingKind.Model, ListingKind.Integrator, ListingKind.Hardware).Array[1, 2])),
            Gen.Select(RarelySomeOf("finance", "FINANCE", "health", "retail", "unknown"), RarelySomeOf("text-embedding", "text-generation"), RarelySomeOf("mit", "Apache-2.0"), RarelySomeOf("cloud", "PRIVATE")),
            Gen.Select(RarelySomeOf("de", "US", "global", "jp", "BR"), Gen.OneOf(0L, 10_000L, 100_000L, 10_000_000L).Nullable(0.85), Gen.OneOf(10_000L, 1_000_000L, 123_456_789L).Nullable(0.85), Gen.OneOf("USD", "USD", "EUR", "JPY", "usd", "XYZ")),
            Gen.Select(Gen.OneOf(0.0, 24, 48).Nullable(0.85), Gen.OneOf(23.99, 48, 96, 192).Nullable(0.85)),
            Gen.Select(Gen.OneOf(Enum.GetValues<CatalogSort>()), Gen.Int[-1, 4], Gen.OneOf(0, 1, 2, 3, 5, 200)),
            (a, b, c, d, e) => new CatalogQuery
            {
                Text = a.Item1,
                Kinds = a.Item2,
                Industries = b.Item1,
                Tasks = b.Item2,
                Licenses = b.Item3,
                Deployments = b.Item4,
                Regions = c.Item1,
                MinPriceMinor = c.Item2,
                MaxPriceMinor = c.Item3,
                Currency = c.Item4,
                MinAcceleratorMemoryGb = d.Item1,
                MaxAcceleratorMemoryGb = d.Item2,
                Sort = e.Item1,
                Page = e.Item2,
                PageSize = e.Item3,
            });
}
