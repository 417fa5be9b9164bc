using Marketplace.Domain.Catalog;
using Marketplace.Domain.Listings;
using static Marketplace.Benchmarks.Search.Vocabulary;

namespace Marketplace.Benchmarks.Search;

/// <summary>
/// A deterministic catalog (same seed, same entries): half models, a third integrators, the rest
/// hardware; words drawn with a skew so a few are common and most are rare, as in real listings.
/// </summary>
public static class ListingGenerator
{
    private static readonly DateTimeOffset Epoch = new(2023, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static List<CatalogEntry> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var partners = Enumerable.Range(0, 400).Select(_ => $"{Title(Pick(random, PartnerFirst))} {Title(Pick(random, PartnerSecond))}").ToArray();
        var entries = new List<CatalogEntry>(count);
        for (var i = 0; i < count; i++)
        {
            var roll = random.NextDouble();
            var kind = roll < 0.5 ? ListingKind.Model : roll < 0.8 ? ListingKind.Integrator : ListingKind.Hardware;
            var partnerIndex = Skewed(random, partners.Length);
            var entry = new CatalogEntry
            {
                Id = $"lst_{i:D7}",
                Kind = kind,
                Name = NameFor(random, kind),
                PartnerId = $"org_{partnerIndex:D4}",
                PartnerName = partners[partnerIndex],
                Summary = string.Join(' ', Enumerable.Range(0, random.Next(8, 21)).Select(_ => SkewedPick(random, SummaryWords))),
                Industries = Distinct(random, Industries, random.Next(1, 4)),
                Regions = random.NextDouble() < 0.2 ? ["GLOBAL"] : Distinct(random, Regions, random.Next(1, 5)),
                Tags = Distinct(random, Tags, random.Next(2, 6)),
                PublishedAt = Epoch.AddMinutes(random.Next(0, 3 * 365 * 24 * 60)),
            };
            var specific = kind switch
            {
                ListingKind.Model => entry with
                {
                    Task = SkewedPick(random, Tasks),
                    Modality = Pick(random, Modalities),
                    License = SkewedPick(random, Licenses),
                    Deployment = random.Next(3) switch { 0 => ["Cloud"], 1 => ["Private"], _ => ["Cloud", "Private"] },
                },
                ListingKind.Integrator => entry with { Capabilities = Distinct(random, Capabilities, random.Next(1, 5)) },
                _ => entry with
                {
                    AcceleratorType = Pick(random, AcceleratorTypes),
                    AcceleratorMemoryGb = random.NextDouble() < 0.1 ? null : Pick(random, AcceleratorMemoryGb),
                },
            };
            entries.Add(WithPrice(random, specific));
        }
        return entries;
    }

    private static string NameFor(Random random, ListingKind kind) => kind switch
    {
        ListingKind.Model => $"{Title(SkewedPick(random, NameAdjectives))} {Title(SkewedPick(random, ModelNouns))} {Pick(random, Sizes).ToUpperInvariant()}",
        ListingKind.Integrator => $"{Title(SkewedPick(random, NameAdjectives))} {Title(Pick(random, IntegratorNouns))}",
        _ => $"{Title(SkewedPick(random, NameAdjectives))} {Title(Pick(random, HardwareNouns))} {random.Next(1, 10)}0{random.Next(0, 10)}",
    };

    /// <summary>Most priced in USD, some in EUR, GBP and JPY, some without a price; amounts spread over orders of magnitude.</summary>
    private static CatalogEntry WithPrice(Random random, CatalogEntry entry)
    {
        if (random.NextDouble() < 0.08)
        {
            return entry with { PriceMinor = null };
        }
        var (low, high) = entry.Kind switch
        {
            ListingKind.Model => (1.0, 5_000.0),       // per 1k inferences, in major units
            ListingKind.Integrator => (5_000.0, 500_000.0),
            _ => (500.0, 400_000.0),
        };
        var major = Math.Exp(Math.Log(low) + (random.NextDouble() * (Math.Log(high) - Math.Log(low))));
        var currency = random.NextDouble() switch { < 0.8 => "USD", < 0.9 => "EUR", < 0.95 => "GBP", _ => "JPY" };
        var minor = currency == "JPY" ? (long)Math.Round(major * 150) : (long)Math.Round(major * 100);
        return entry with { PriceMinor = minor, Currency = currency };
    }

    private static string Title(string word) => char.ToUpperInvariant(word[0]) + word[1..];

    private static T Pick<T>(Random random, T[] values) => values[random.Next(values.Length)];

    /// <summary>Early items far more often than late ones (roughly Zipf-like).</summary>
    private static int Skewed(Random random, int count) => (int)(Math.Pow(random.NextDouble(), 2.2) * count);

    private static T SkewedPick<T>(Random random, T[] values) => values[Skewed(random, values.Length)];

    private static string[] Distinct(Random random, string[] values, int count)
    {
        var picked = new HashSet<string>(StringComparer.Ordinal);
        while (picked.Count < count)
        {
            picked.Add(SkewedPick(random, values));
        }
        return [.. picked];
    }
}
