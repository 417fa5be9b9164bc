namespace Marketplace.Domain.Catalog.Indexing;

/// <summary>
/// The documents one token occurs in, with the highest field weight it has in each. Document ids
/// only grow, so appending keeps the list sorted; removed documents stay until compaction and
/// searches mask them out with the live set.
/// </summary>
internal sealed class PostingList
{
    private int[] _docs = new int[2];
    private byte[] _weights = new byte[2];

    public int Count { get; private set; }

    public ReadOnlySpan<int> Docs => _docs.AsSpan(0, Count);

    public ReadOnlySpan<byte> Weights => _weights.AsSpan(0, Count);

    public void Append(int doc, byte weight)
    {
        if (Count == _docs.Length)
        {
            Array.Resize(ref _docs, Count * 2);
            Array.Resize(ref _weights, Count * 2);
        }
        _docs[Count] = doc;
        _weights[Count] = weight;
        Count++;
    }
}
