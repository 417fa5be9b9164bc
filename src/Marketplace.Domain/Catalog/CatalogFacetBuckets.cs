using Marketplace.Domain.Money;

namespace Marketplace.Domain.Catalog;

/// <summary>
/// The ranges of the "priceRange" and "acceleratorMemory" facets, in the order to show them.
/// Prices are in MAJOR units of the query's currency (100 means USD 100.00 or JPY 100), memory in GB.
/// </summary>
public static class CatalogFacetBuckets
{
    public static IReadOnlyList<FacetBucket> PriceRanges { get; } =
    [
        new("0-100", 0, 100),
        new("100-1000", 100, 1_000),
        new("1000-10000", 1_000, 10_000),
        new("10000-100000", 10_000, 100_000),
        new("100000+", 100_000, null),
    ];

    public static IReadOnlyList<FacetBucket> AcceleratorMemory { get; } =
    [
        new("0-24", 0, 24),
        new("24-48", 24, 48),
        new("48-96", 48, 96),
        new("96+", 96, null),
    ];

    /// <summary>Index into <see cref="PriceRanges"/> of a price in minor units; -1 when negative or the currency is not supported.</summary>
    public static int PriceRangeIndexOf(long priceMinor, string currency)
    {
        if (!Currency.IsSupported(currency))
        {
            return -1;
        }
        var unit = 1L;
        for (var i = Currency.DigitsOf(currency); i > 0; i--)
        {
            unit *= 10;
        }
        for (var i = PriceRanges.Count - 1; i >= 0; i--)
        {
            // Compare in minor units so no rounding decides a boundary.
            if (priceMinor >= PriceRanges[i].Lower * unit)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>Index into <see cref="AcceleratorMemory"/>; -1 when negative or not a number.</summary>
    public static int AcceleratorMemoryIndexOf(double gigabytes)
    {
        for (var i = AcceleratorMemory.Count - 1; i >= 0; i--)
        {
            if (gigabytes >= AcceleratorMemory[i].Lower)
            {
                return i;
            }
        }
        return -1;
    }
}
