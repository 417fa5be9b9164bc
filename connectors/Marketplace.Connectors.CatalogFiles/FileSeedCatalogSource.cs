using Marketplace.Domain.Catalog;

namespace Marketplace.Connectors.CatalogFiles;

/// <summary>
/// The catalog/ folder: the configured path when there is one, else the copy shipped beside the
/// binary, else the nearest catalog/ above the working directory (a source checkout).
/// </summary>
public sealed class FileSeedCatalogSource(string? configuredPath) : ISeedCatalogSource
{
    public SeedCatalog Load() => SeedCatalogReader.Read(Locate());

    public string Locate()
    {
        if (!string.IsNullOrWhiteSpace(configuredPath))
        {
            return Path.GetFullPath(configuredPath);
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
