using Marketplace.Domain.Catalog;

namespace Marketplace.Application.Catalog;

/// <summary>This silo's search index over the published catalog (kept current from the catalog feed).</summary>
public interface ICatalogSearch
{
    CatalogResult Search(CatalogQuery query);

    CatalogEntry? Get(string id);

    int Count { get; }
}
