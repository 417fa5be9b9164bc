using Marketplace.Domain.Catalog;

namespace Marketplace.Application.Catalog;

/// <summary>
/// The industries of the seed catalog. Listings may name only these once any are loaded; an
/// installation without a catalog accepts any well-formed industry id.
/// </summary>
public sealed class IndustryCatalog
{
    private volatile IReadOnlyList<Industry> _industries = [];

    public IReadOnlyList<Industry> All => _industries;

    public void Replace(IEnumerable<Industry> industries) => _industries = industries.OrderBy(i => i.Name, StringComparer.OrdinalIgnoreCase).ToList();

    public bool Accepts(string id) => _industries.Count == 0 || _industries.Any(i => i.Id == id);

    public string NameOf(string id) => _industries.FirstOrDefault(i => i.Id == id)?.Name ?? id;
}
