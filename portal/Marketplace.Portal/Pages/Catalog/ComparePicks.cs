using Marketplace.Domain.Catalog;
using Marketplace.Domain.Listings;

namespace Marketplace.Portal.Pages.Catalog;

/// <summary>A listing picked for comparison.</summary>
public sealed record ComparePick(string Id, string Name, ListingKind Kind);

/// <summary>The rules the compare checkboxes follow: at most four, all of one kind.</summary>
public static class ComparePicks
{
    /// <summary>Why this listing cannot be added now, or null when it can (or is already picked).</summary>
    public static string? WhyNot(IReadOnlyList<ComparePick> picks, string id, ListingKind kind)
    {
        if (picks.Any(p => p.Id == id))
        {
            return null;
        }
        if (picks.Count >= CatalogComparison.MaxItems)
        {
            return $"You can compare at most {CatalogComparison.MaxItems} listings; remove one first.";
        }
        if (picks.Count > 0 && picks[0].Kind != kind)
        {
            return $"Only listings of one kind can be compared; you picked {picks[0].Kind.ToString().ToLowerInvariant()} listings.";
        }
        return null;
    }

    public static string CompareUrl(IEnumerable<ComparePick> picks) =>
        "/catalog/compare?ids=" + string.Join(",", picks.Select(p => Uri.EscapeDataString(p.Id)));
}
