namespace Marketplace.Application.Catalog.Seeding;

/// <summary>What applying the seed catalog changed; all zeros when it was already in place.</summary>
public sealed record SeedReport(
    int Partners,
    int Listings,
    int PartnersCreated,
    int ListingsCreated,
    int ListingsUpdated,
    bool Skipped)
{
    public bool ChangedNothing => PartnersCreated == 0 && ListingsCreated == 0 && ListingsUpdated == 0;
}
