using Marketplace.Domain.Catalog;
using Marketplace.Domain.Listings;

namespace Marketplace.Domain.Tests.Catalog;

/// <summary>Small entries for exact tests: everything empty unless a test says otherwise.</summary>
internal static class TestEntries
{
    public static readonly DateTimeOffset Day0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static CatalogEntry Model(string id, string name = "Entry") => Of(ListingKind.Model, id, name);

    public static CatalogEntry Integrator(string id, string name = "Entry") => Of(ListingKind.Integrator, id, name);

    public static CatalogEntry Hardware(string id, string name = "Entry") => Of(ListingKind.Hardware, id, name);

    public static CatalogEntry Of(ListingKind kind, string id, string name) => new()
    {
        Id = id,
        Kind = kind,
        Name = name,
        PartnerId = "org_partner",
        PartnerName = "Partner",
        PublishedAt = Day0,
    };

    public static CatalogIndex IndexOf(params CatalogEntry[] entries)
    {
        var index = new CatalogIndex();
        index.ReplaceAll(entries);
        return index;
    }

    public static List<string> Ids(this CatalogResult result) => result.Items.Select(i => i.Id).ToList();
}
