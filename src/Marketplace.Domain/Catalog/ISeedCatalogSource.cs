namespace Marketplace.Domain.Catalog;

/// <summary>Where the seed catalog comes from (the catalog/ files, read by the CatalogFiles connector).</summary>
public interface ISeedCatalogSource
{
    /// <summary>Reads and checks the catalog; throws <see cref="SeedCatalogException"/> listing every problem.</summary>
    SeedCatalog Load();
}
