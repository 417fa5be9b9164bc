namespace Marketplace.Domain.Catalog.Indexing;

/// <summary>
/// The documents matching each query word (prefix match on indexed tokens) and the relevance
/// score: for every word, the weight of the best field it hits times its idf, summed in word order.
/// </summary>
internal sealed class TextMatch
{
    private readonly WordHits[] _words;

    private TextMatch(WordHits[] words)
    {
        _words = words;
    }

    public bool HasWords => _words.Length > 0;

    public static TextMatch For(IndexStore store, IReadOnlyList<string> words, int bitsetWords)
    {
        var hits = new WordHits[words.Count];
        for (var i = 0; i < words.Count; i++)
        {
            hits[i] = WordHits.Find(store, words[i], bitsetWords);
        }
        return new TextMatch(hits);
    }

    /// <summary>Keeps in <paramref name="documents"/> only those matching every word.</summary>
    public void Restrict(Span<ulong> documents)
    {
        foreach (var word in _words)
        {
            Bits.And(documents, word.Any);
        }
    }

    public double Score(int doc)
    {
        var score = 0.0;
        foreach (var word in _words)
        {
            score += word.Idf * word.WeightOf(doc);
        }
        return score;
    }

    /// <summary>
    /// One word's matches split by the best field weight hit, so a document's weight is two bit
    /// tests. Field weights are 1, 2 or 3 (<see cref="FieldWeights"/>).
    /// </summary>
    private sealed class WordHits
    {
        public required ulong[] Any { get; init; }

        public required ulong[] AtLeastTwo { get; init; }

        public required ulong[] Three { get; init; }

        public double Idf { get; private set; }

        public int WeightOf(int doc) =>
            Bits.IsSet(Three, doc) ? 3 : Bits.IsSet(AtLeastTwo, doc) ? 2 : 1;

        public static WordHits Find(IndexStore store, string word, int bitsetWords)
        {
            var hits = new WordHits { Any = new ulong[bitsetWords], AtLeastTwo = new ulong[bitsetWords], Three = new ulong[bitsetWords] };
            foreach (var postings in store.PostingsWithPrefix(word))
            {
                var docs = postings.Docs;
                var weights = postings.Weights;
                for (var i = 0; i < docs.Length; i++)
                {
                    var doc = docs[i];
                    var bit = 1UL << doc;
                    hits.Any[doc >> 6] |= bit;
                    if (weights[i] >= 2)
                    {
                        hits.AtLeastTwo[doc >> 6] |= bit;
                        if (weights[i] >= 3)
                        {
                            hits.Three[doc >> 6] |= bit;
                        }
                    }
                }
            }
            Bits.And(hits.Any, store.Live);
            var documentFrequency = Bits.Count(hits.Any);
            // Rare words say more about a document than common ones; log(1 + N/df) stays positive.
            hits.Idf = documentFrequency == 0 ? 0 : Math.Log(1 + ((double)store.LiveCount / documentFrequency));
            return hits;
        }
    }
}
