using Marketplace.Domain.Catalog;
using Marketplace.Domain.Money;
using Npgsql;
using NpgsqlTypes;

namespace Marketplace.Benchmarks.Search;

/// <summary>
/// The SQL for one search, doing the work the index does: the page (LIMIT/OFFSET in the same
/// order), the total, and one GROUP BY per facet over the rows matching the text and every filter
/// but that facet's own. Region counts come back per literal region (the index also adds the
/// GLOBAL rows to each region's count; doing that here would add no database work, so it is left out).
/// </summary>
public static class PostgresSearchSql
{
    public enum Facet
    {
        None,
        Kind,
        Industry,
        Task,
        License,
        Deployment,
        Region,
        PriceRange,
        AcceleratorMemory,
    }

    public static IEnumerable<NpgsqlBatchCommand> CommandsFor(BenchQuery query)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, CatalogQuery.MaxPageSize);
        var page = Command(query, Facet.None, where => $"""
            SELECT id FROM catalog WHERE {where}
            ORDER BY {OrderBy(query)} LIMIT {pageSize} OFFSET {(Math.Max(query.Page, 1) - 1L) * pageSize}
            """);
        yield return page;
        yield return Command(query, Facet.None, where => $"SELECT count(*) FROM catalog WHERE {where}");
        yield return Command(query, Facet.Kind, where => $"SELECT kind, count(*) FROM catalog WHERE {where} GROUP BY kind");
        yield return Command(query, Facet.Industry, where => $"SELECT v, count(*) FROM catalog, unnest(industries) v WHERE {where} GROUP BY v");
        yield return Command(query, Facet.Task, where => $"SELECT task, count(*) FROM catalog WHERE task IS NOT NULL AND {where} GROUP BY task");
        yield return Command(query, Facet.License, where => $"SELECT license, count(*) FROM catalog WHERE license IS NOT NULL AND {where} GROUP BY license");
        yield return Command(query, Facet.Deployment, where => $"SELECT v, count(*) FROM catalog, unnest(deployments) v WHERE {where} GROUP BY v");
        yield return Command(query, Facet.Region, where => $"SELECT v, count(*) FROM catalog, unnest(regions) v WHERE {where} GROUP BY v");
        if (Currency.IsSupported(query.Currency))
        {
            var unit = (long)Math.Pow(10, Currency.DigitsOf(query.Currency));
            var ranges = string.Join(", ", CatalogFacetBuckets.PriceRanges.Skip(1).Select(b => b.Lower * unit));
            yield return Command(query, Facet.PriceRange, where => $"""
                SELECT width_bucket(price_minor, ARRAY[{ranges}]::bigint[]), count(*) FROM catalog
                WHERE currency = @currency AND price_minor >= 0 AND {where} GROUP BY 1
                """);
        }
        var memoryRanges = string.Join(", ", CatalogFacetBuckets.AcceleratorMemory.Skip(1).Select(b => b.Lower));
        yield return Command(query, Facet.AcceleratorMemory, where => $"""
            SELECT width_bucket(accelerator_memory_gb, ARRAY[{memoryRanges}]::double precision[]), count(*) FROM catalog
            WHERE accelerator_memory_gb >= 0 AND {where} GROUP BY 1
            """);
    }

    /// <summary>word1:* &amp; word2:* — the words are tokens (letters and digits only), so nothing needs quoting.</summary>
    public static string? TsQuery(string? text)
    {
        var words = CatalogText.Tokenize(text);
        return words.Count == 0 ? null : string.Join(" & ", words.Select(w => w + ":*"));
    }

    private static string OrderBy(BenchQuery query) => query.Sort switch
    {
        CatalogSort.Relevance when TsQuery(query.Text) is not null => "ts_rank(search, to_tsquery('simple', @text)) DESC, published_at DESC, id",
        CatalogSort.PriceAscending => "CASE WHEN currency = @currency THEN price_minor END ASC NULLS LAST, name_key, id",
        CatalogSort.PriceDescending => "CASE WHEN currency = @currency THEN price_minor END DESC NULLS LAST, name_key, id",
        CatalogSort.Name => "name_key, id",
        _ => "published_at DESC, id",
    };

    /// <summary>A command whose WHERE holds the text and every filter except <paramref name="facet"/>'s own, with its own parameters.</summary>
    private static NpgsqlBatchCommand Command(BenchQuery query, Facet facet, Func<string, string> sql)
    {
        var conditions = new List<string> { "true" };
        var command = new NpgsqlBatchCommand();
        command.Parameters.Add(new NpgsqlParameter("currency", NpgsqlDbType.Text) { Value = query.Currency.ToUpperInvariant() });
        void Filter(Facet own, string condition, string name, object value, NpgsqlDbType type)
        {
            if (own != facet)
            {
                conditions.Add(condition);
                command.Parameters.Add(new NpgsqlParameter(name, type) { Value = value });
            }
        }
        static string[] Lower(IEnumerable<string> values) => values.Select(v => v.ToLowerInvariant()).ToArray();

        var text = TsQuery(query.Text);
        command.Parameters.Add(new NpgsqlParameter("text", NpgsqlDbType.Text) { Value = (object?)text ?? DBNull.Value });
        if (text is not null)
        {
            conditions.Add("search @@ to_tsquery('simple', @text)");
        }
        const NpgsqlDbType textArray = NpgsqlDbType.Array | NpgsqlDbType.Text;
        if (query.Kinds.Count > 0)
        {
            Filter(Facet.Kind, "kind = ANY(@kinds)", "kinds", query.Kinds.Select(CatalogFacets.KindValue).ToArray(), textArray);
        }
        if (query.Industries.Count > 0)
        {
            Filter(Facet.Industry, "industries && @industries", "industries", Lower(query.Industries), textArray);
        }
        if (query.Tasks.Count > 0)
        {
            Filter(Facet.Task, "task = ANY(@tasks)", "tasks", Lower(query.Tasks), textArray);
        }
        if (query.Licenses.Count > 0)
        {
            Filter(Facet.License, "license = ANY(@licenses)", "licenses", Lower(query.Licenses), textArray);
        }
        if (query.Deployments.Count > 0)
        {
            Filter(Facet.Deployment, "deployments && @deployments", "deployments", Lower(query.Deployments), textArray);
        }
        if (query.Regions.Count > 0)
        {
            Filter(Facet.Region, "regions && @regions", "regions", Lower(query.Regions.Append("global")), textArray);
        }
        if (query.MinPriceMinor is not null || query.MaxPriceMinor is not null)
        {
            Filter(Facet.PriceRange, "currency = @currency AND price_minor >= @minPrice", "minPrice", query.MinPriceMinor ?? long.MinValue, NpgsqlDbType.Bigint);
            Filter(Facet.PriceRange, "price_minor <= @maxPrice", "maxPrice", query.MaxPriceMinor ?? long.MaxValue, NpgsqlDbType.Bigint);
        }
        if (query.MinMemoryGb is not null || query.MaxMemoryGb is not null)
        {
            Filter(Facet.AcceleratorMemory, "accelerator_memory_gb >= @minMemory", "minMemory", query.MinMemoryGb ?? double.MinValue, NpgsqlDbType.Double);
            Filter(Facet.AcceleratorMemory, "accelerator_memory_gb <= @maxMemory", "maxMemory", query.MaxMemoryGb ?? double.MaxValue, NpgsqlDbType.Double);
        }
        command.CommandText = sql(string.Join(" AND ", conditions));
        return command;
    }
}
