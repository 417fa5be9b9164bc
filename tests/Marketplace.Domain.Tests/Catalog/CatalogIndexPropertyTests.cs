using System.Text.Json;
using CsCheck;
using Marketplace.Domain.Catalog;
using static Marketplace.Domain.Tests.Catalog.CatalogGenerators;

namespace Marketplace.Domain.Tests.Catalog;

public sealed class CatalogIndexPropertyTests
{
    [Fact]
    public void Totals_facet_counts_and_ordered_pages_equal_brute_force_over_random_catalogs() =>
        Gen.Select(AnyChange.Array[0, 60], Query.Array[1, 12], Gen.OneOf(1, 3, 1024))
            .Sample((changes, queries, minDeadBeforeCompaction) =>
            {
                var index = new CatalogIndex(minDeadBeforeCompaction);
                var reference = new BruteForceCatalog();
                foreach (var change in changes)
                {
                    Apply(change, index, reference);
                }
                Assert.Equal(reference.Count, index.Count);
                foreach (var query in queries)
                {
                    AssertSameResult(reference.Search(query), index.Search(query), query);
                }
            }, iter: 400, print: Describe);

    /// <summary>Shrunk failures print as JSON, lists and all, instead of record names of arrays.</summary>
    private static string Describe((Change[] Changes, CatalogQuery[] Queries, int MinDead) sample) =>
        JsonSerializer.Serialize(new { Changes = sample.Changes.Cast<object>(), sample.Queries, sample.MinDead });

    internal static void Apply(Change change, CatalogIndex index, BruteForceCatalog reference)
    {
        if (change is Remove remove)
        {
            Assert.Equal(reference.Remove(remove.Id), index.Remove(remove.Id));
            return;
        }
        Apply(change, index);
        Apply(change, reference);
    }

    internal static void Apply(Change change, CatalogIndex index)
    {
        switch (change)
        {
            case Upsert upsert:
                index.Upsert(upsert.Entry);
                break;
            case Remove remove:
                index.Remove(remove.Id);
                break;
            case ReplaceAll replace:
                index.ReplaceAll(replace.Entries);
                break;
        }
    }

    internal static void Apply(Change change, BruteForceCatalog reference)
    {
        switch (change)
        {
            case Upsert upsert:
                reference.Upsert(upsert.Entry);
                break;
            case Remove remove:
                reference.Remove(remove.Id);
                break;
            case ReplaceAll replace:
                reference.ReplaceAll(replace.Entries);
                break;
        }
    }

    internal static void AssertSameResult(CatalogResult expected, CatalogResult actual, CatalogQuery query)
    {
        var context = "query " + JsonSerializer.Serialize(query);
        Assert.True(expected.Total == actual.Total, $"total {actual.Total}, expected {expected.Total}: {context}");
        Assert.Equal(expected.Facets.Keys.Order(), actual.Facets.Keys.Order());
        foreach (var (facet, counts) in expected.Facets)
        {
            var want = string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}"));
            var got = string.Join(", ", actual.Facets[facet].OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}"));
            Assert.True(want == got, $"facet {facet}: [{got}], expected [{want}]: {context}");
        }
        var wantPage = string.Join(", ", expected.Items.Select(i => $"{i.Id}:{i.Score:R}"));
        var gotPage = string.Join(", ", actual.Items.Select(i => $"{i.Id}:{i.Score:R}"));
        Assert.True(wantPage == gotPage, $"page [{gotPage}], expected [{wantPage}]: {context}");
        Assert.Equal(expected.Items, actual.Items);
    }
}
