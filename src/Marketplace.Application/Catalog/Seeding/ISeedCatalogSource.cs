using Marketplace.Domain.Catalog;

namespace Marketplace.Application.Catalog.Seeding;

/// <summary>Where the seed catalog comes from (the host reads catalog/ files through a connector).</summary>
public interface ISeedCatalogSource
{
    /// <summary>Reads and checks the catalog; throws <see cref="SeedCatalogException"/> listing every problem.</summary>
    SeedCatalog Load();
}
