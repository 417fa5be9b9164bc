using Marketplace.Domain.Catalog;

namespace Marketplace.Application.Catalog.Search;

/// <summary>This silo's in-memory index, shared by the search handler and the synchronizer.</summary>
public sealed class CatalogSearchIndex : ICatalogSearch
{
    public CatalogIndex Index { get; } = new();

    public int Count => Index.Count;

    public CatalogResult Search(CatalogQuery query) => Index.Search(query);

    public CatalogEntry? Get(string id) => Index.Get(id);
}
