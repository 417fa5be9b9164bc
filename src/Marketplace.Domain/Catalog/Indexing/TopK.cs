using System.Numerics;

namespace Marketplace.Domain.Catalog.Indexing;

/// <summary>
/// The first k documents of a set in a given order, without sorting the whole set: a bounded heap
/// whose root is the worst kept candidate, so most documents cost one comparison.
/// </summary>
internal static class TopK
{
    /// <summary>
    /// The best <paramref name="k"/> of <paramref name="documents"/> in <paramref name="order"/>, best first;
    /// <paramref name="score"/> gives the text score when the order ranks by it (otherwise candidates score 0).
    /// </summary>
    public static Candidate[] Select<TOrder>(ReadOnlySpan<ulong> documents, int k, TOrder order, Func<int, double>? score)
        where TOrder : struct, IHitOrder
    {
        var heap = new Candidate[k];
        var count = 0;
        // Newest documents have the highest ids, so walking down fills the heap with good
        // candidates early and later ones are mostly rejected at the root.
        for (var w = documents.Length - 1; w >= 0; w--)
        {
            for (var bits = documents[w]; bits != 0;)
            {
                var bit = 63 - BitOperations.LeadingZeroCount(bits);
                bits &= ~(1UL << bit);
                var doc = (w << 6) + bit;
                var candidate = new Candidate(doc, score?.Invoke(doc) ?? 0);
                if (count < k)
                {
                    heap[count] = candidate;
                    SiftUp(heap, count++, order);
                }
                else if (order.Compare(candidate, heap[0]) < 0)
                {
                    heap[0] = candidate;
                    SiftDown(heap, count, order);
                }
            }
        }
        Array.Resize(ref heap, count);
        Array.Sort(heap, order);
        return heap;
    }

    private static void SiftUp<TOrder>(Candidate[] heap, int at, TOrder order)
        where TOrder : struct, IHitOrder
    {
        var item = heap[at];
        while (at > 0)
        {
            var parent = (at - 1) >> 1;
            if (order.Compare(heap[parent], item) >= 0)
            {
                break;
            }
            heap[at] = heap[parent];
            at = parent;
        }
        heap[at] = item;
    }

    private static void SiftDown<TOrder>(Candidate[] heap, int count, TOrder order)
        where TOrder : struct, IHitOrder
    {
        var item = heap[0];
        var at = 0;
        while (true)
        {
            var child = (2 * at) + 1;
            if (child >= count)
            {
                break;
            }
            if (child + 1 < count && order.Compare(heap[child + 1], heap[child]) > 0)
            {
                child++;
            }
            if (order.Compare(heap[child], item) <= 0)
            {
                break;
            }
            heap[at] = heap[child];
            at = child;
        }
        heap[at] = item;
    }
}
