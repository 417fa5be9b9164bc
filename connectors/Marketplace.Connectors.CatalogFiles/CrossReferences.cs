using Marketplace.Domain.Catalog;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Partners;

namespace Marketplace.Connectors.CatalogFiles;

/// <summary>Ids that must resolve across files: partners and their kinds, industries, certifications.</summary>
internal static class CrossReferences
{
    public static void Check(ReadContext context, IReadOnlyList<Industry> industries, IReadOnlyList<ReadPartner> partners, IReadOnlyList<ReadListing> listings)
    {
        var industryIds = industries.Select(i => i.Id).ToHashSet();
        var partnerKinds = partners.ToDictionary(p => p.Partner.Id, p => p.Partner.Profile.Kinds);
        var ids = listings.GroupBy(l => l.Listing.Id).ToDictionary(g => g.Key, g => g.First().Listing.Content.Kind);
        foreach (var duplicate in listings.GroupBy(l => l.Listing.Id).Where(g => g.Count() > 1))
        {
            context.Errors.Add($"{context.Relative(duplicate.Last().File)}:{duplicate.Last().Line}: listing id '{duplicate.Key}' is used by more than one file.");
        }
        foreach (var read in listings)
        {
            var where = $"{context.Relative(read.File)}:{read.Line}";
            var kind = read.Listing.Content.Kind;
            var needed = PartnerKinds.Offering(kind);
            if (!partnerKinds.TryGetValue(read.PartnerId, out var kinds))
            {
                context.Errors.Add($"{where}: partner '{read.PartnerId}' is not in catalog/partners.");
            }
            else if (!kinds.Contains(needed))
            {
                context.Errors.Add($"{where}: partner '{read.PartnerId}' is not a {needed}.");
            }
            foreach (var industry in read.Listing.Content.Industries.Where(i => !industryIds.Contains(i)))
            {
                context.Errors.Add($"{where}: industry '{industry}' is not in catalog/industries.yaml.");
            }
            foreach (var model in read.CertifiedModels.Where(m => !ids.TryGetValue(m, out var k) || k != ListingKind.Model))
            {
                context.Errors.Add($"{where}: certified model '{model}' is not a model in catalog/models.");
            }
            foreach (var hardware in read.CertifiedHardware.Where(h => !ids.TryGetValue(h, out var k) || k != ListingKind.Hardware))
            {
                context.Errors.Add($"{where}: certified hardware '{hardware}' is not in catalog/hardware.");
            }
        }
    }
}
