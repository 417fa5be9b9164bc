using Marketplace.Application.Catalog.Seeding;
using Marketplace.Connectors.CatalogFiles;
using Marketplace.Domain.Catalog;
using Marketplace.Host.Configuration;
using Microsoft.Extensions.Options;

namespace Marketplace.Host.Catalog;

/// <summary>
/// The catalog/ folder: <c>Marketplace:CatalogPath</c> when set, else the copy shipped beside the
/// binary, else the nearest catalog/ above the working directory (a source checkout).
/// </summary>
internal sealed class FileSeedCatalogSource(IOptions<MarketplaceOptions> options) : ISeedCatalogSource
{
    public SeedCatalog Load() => SeedCatalogReader.Read(Locate());

    public string Locate()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.CatalogPath))
        {
            return Path.GetFullPath(options.Value.CatalogPath);
        }
        var shipped = Path.Combine(AppContext.BaseDirectory, "catalog");
        if (File.Exists(Path.Combine(shipped, "industries.yaml")))
        {
            return shipped;
        }
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "catalog");
            if (File.Exists(Path.Combine(candidate, "industries.yaml")))
            {
                return candidate;
            }
        }
        return shipped;
    }
}
