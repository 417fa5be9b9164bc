namespace Marketplace.Domain.Catalog.Indexing;

/// <summary>The filters of a query, one per facet: a facet's counts ignore the filter in its own slot.</summary>
internal enum FacetSlot
{
    Kind,
    Industry,
    Task,
    License,
    Deployment,
    Region,
    PriceRange,
    AcceleratorMemory,
}
