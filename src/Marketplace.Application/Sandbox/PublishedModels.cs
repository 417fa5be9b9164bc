using System.Collections.Concurrent;
using Marketplace.Application.Catalog;
using Marketplace.Domain.Sandbox;

namespace Marketplace.Application.Sandbox;

/// <summary>
/// Published models as trials run them, remembered on this silo. Published versions never change,
/// so a copy stays right for as long as this silo's catalog index (kept current from the catalog
/// feed) lists the same version; a new version, a deprecation or a hidden partner drops it there
/// within a second, and the listing grain answers again.
/// </summary>
public sealed class PublishedModels(IGrainFactory grains, ICatalogSearch catalog)
{
    private readonly ConcurrentDictionary<string, SandboxModel> _byListing = new(StringComparer.Ordinal);

    public async ValueTask<SandboxModel> GetAsync(string listingId)
    {
        var published = catalog.Get(listingId);
        if (published is not null && _byListing.TryGetValue(listingId, out var known) && known.Version == published.Version)
        {
            return known;
        }
        var model = await SandboxModels.PublishedAsync(grains, listingId);
        if (published is not null && published.Version == model.Version)
        {
            _byListing[listingId] = model;
        }
        return model;
    }
}
