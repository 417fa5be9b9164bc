using Marketplace.Application.Catalog.Compare;
using Marketplace.Domain.Listings;

namespace Marketplace.Portal.Pages.Catalog;

/// <summary>
/// Which cells of a comparison are best where "best" is not a matter of taste: the lowest price
/// (only when every listing prices in the same currency), the most accelerator memory, the highest
/// TFLOPS and memory bandwidth. Ties are all best; a row where all are equal highlights nothing.
/// </summary>
public static class CompareHighlights
{
    public static IReadOnlyDictionary<string, IReadOnlySet<int>> Best(CatalogComparisonView view)
    {
        var contents = view.Items.Select(i => i.Content).ToList();
        var best = new Dictionary<string, IReadOnlySet<int>>();
        void Mark(string key, Func<ListingContent, double?> value, bool lowest)
        {
            var values = contents.Select(value).ToList();
            var present = values.Where(v => v is not null).Select(v => v!.Value).ToList();
            if (present.Count < 2 || present.Distinct().Count() == 1)
            {
                return;
            }
            var target = lowest ? present.Min() : present.Max();
            best[key] = values.Select((v, i) => (v, i)).Where(x => x.v == target).Select(x => x.i).ToHashSet();
        }
        if (contents.Select(c => c.Pricing.Currency).Distinct().Count() == 1)
        {
            foreach (var field in ListingPricing.FieldsFor(view.Kind))
            {
                Mark("pricing." + field, c => (double?)c.Pricing.Fields().First(f => f.Field == field).Minor, lowest: true);
            }
        }
        if (view.Kind == ListingKind.Hardware)
        {
            Mark("memoryPerAcceleratorGb", c => c.Hardware?.MemoryPerAcceleratorGb is > 0 and var m ? m : null, lowest: false);
            Mark("peakBf16Tflops", c => c.Hardware?.PeakBf16Tflops is > 0 and var t ? t : null, lowest: false);
            Mark("memoryBandwidthGbps", c => c.Hardware?.MemoryBandwidthGbps is > 0 and var b ? b : null, lowest: false);
        }
        return best;
    }
}
