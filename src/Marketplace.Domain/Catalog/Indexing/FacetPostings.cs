using System.Runtime.InteropServices;

namespace Marketplace.Domain.Catalog.Indexing;

/// <summary>For one facet, the documents holding each (normalised) value. Bits of removed documents stay until compaction.</summary>
internal sealed class FacetPostings
{
    private readonly Dictionary<string, ulong[]> _values = new(StringComparer.Ordinal);

    public IEnumerable<KeyValuePair<string, ulong[]>> Values => _values;

    public void Add(string value, int doc)
    {
        ref var bits = ref CollectionsMarshal.GetValueRefOrAddDefault(_values, value, out _);
        bits ??= [];
        Bits.Set(ref bits, doc);
    }

    public ulong[]? Get(string value) => _values.GetValueOrDefault(value);
}
