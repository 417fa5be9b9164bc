using Marketplace.Domain.Catalog;
using Marketplace.Domain.Listings;
using static Marketplace.Domain.Tests.Catalog.TestEntries;

namespace Marketplace.Domain.Tests.Catalog;

public sealed class CatalogIndexConcurrencyTests
{
    private const int Writers = 2;
    private const int ChangesPerWriter = 3_000;
    private const int MinSearchesPerReader = 300;

    [Fact]
    public async Task Searches_during_concurrent_updates_see_whole_updates_and_the_final_state_is_consistent()
    {
        // A low compaction threshold makes rebuilds and swaps happen while searches run.
        var index = new CatalogIndex(minDeadBeforeCompaction: 64);
        var reference = new BruteForceCatalog();
        var changes = Enumerable.Range(0, Writers).Select(ChangesOf).ToArray();
        var writersDone = 0;

        var writers = changes.Select(writerChanges => Task.Run(() =>
        {
            foreach (var change in writerChanges)
            {
                CatalogIndexPropertyTests.Apply(change, index);
            }
            Interlocked.Increment(ref writersDone);
        }));
        var readers = Enumerable.Range(0, 2).Select(reader => Task.Run(() =>
        {
            for (var i = 0; i < MinSearchesPerReader || Volatile.Read(ref writersDone) < Writers; i++)
            {
                AssertWhole(index.Search(new CatalogQuery { Text = i % 2 == 0 ? "alpha" : null, PageSize = 50, Sort = (CatalogSort)(i % 5) }));
            }
        }));
        await Task.WhenAll(writers.Concat(readers));

        // Writers own disjoint ids, so applying their changes one writer after the other gives the same final state.
        foreach (var writerChanges in changes)
        {
            foreach (var change in writerChanges)
            {
                CatalogIndexPropertyTests.Apply(change, reference);
            }
        }
        Assert.Equal(reference.Count, index.Count);
        foreach (var query in new[] { new CatalogQuery(), new CatalogQuery { Text = "alpha beta", Sort = CatalogSort.Name, PageSize = 100 }, new CatalogQuery { Regions = ["DE"], Sort = CatalogSort.PriceAscending } })
        {
            CatalogIndexPropertyTests.AssertSameResult(reference.Search(query), index.Search(query), query);
        }
    }

    /// <summary>
    /// Every entry written has one industry, a region of DE or GLOBAL, and a price exactly when it is
    /// hardware, so in a whole state these counts, kept in different structures, agree.
    /// </summary>
    private static void AssertWhole(CatalogResult result)
    {
        var kinds = result.Facets[CatalogFacets.Kind];
        Assert.Equal(result.Total, kinds.Values.Sum());
        Assert.Equal(result.Total, result.Facets[CatalogFacets.Industry].Values.Sum());
        Assert.Equal(kinds["hardware"], result.Facets[CatalogFacets.PriceRange].Values.Sum());
        if (result.Total > 0)
        {
            Assert.Equal(result.Total, result.Facets[CatalogFacets.Region].GetValueOrDefault("de", result.Total));
        }
        foreach (var hit in result.Items)
        {
            Assert.Equal("beta " + hit.Name.Split(' ')[1], hit.Summary);
        }
    }

    private static List<CatalogGenerators.Change> ChangesOf(int writer)
    {
        var random = new Random(writer);
        var changes = new List<CatalogGenerators.Change>();
        for (var i = 0; i < ChangesPerWriter; i++)
        {
            var id = $"w{writer}-{random.Next(200)}";
            if (random.Next(5) == 0)
            {
                changes.Add(new CatalogGenerators.Remove(id));
                continue;
            }
            var number = random.Next(1_000);
            var kind = (ListingKind)random.Next(3);
            var entry = Of(kind, id, $"alpha {number}") with
            {
                Summary = $"beta {number}",
                Industries = ["industry" + (number % 7)],
                Regions = [number % 3 == 0 ? "GLOBAL" : "DE"],
                PriceMinor = kind == ListingKind.Hardware ? number * 100 : null,
                PublishedAt = Day0.AddMinutes(number),
            };
            changes.Add(new CatalogGenerators.Upsert(entry));
        }
        return changes;
    }
}
