using Marketplace.Domain.Catalog;
using Npgsql;
using NpgsqlTypes;

namespace Marketplace.Benchmarks.Search;

/// <summary>
/// The catalog as a PostgreSQL table built for the same searches: a generated, weighted
/// <c>tsvector</c> with a GIN index for text, GIN indexes on the array filters, btree indexes on
/// the scalar filters and sort keys. Facet values are stored lower-case, as the index compares them.
/// </summary>
public static class PostgresCatalog
{
    // Weight A = name (3 in the index), B = partner, tags, task, accelerator (2), C = the rest (1).
    private const string Schema = """
        CREATE TABLE catalog (
            id text COLLATE "C" PRIMARY KEY,
            kind text NOT NULL,
            name text NOT NULL,
            name_key text COLLATE "C" NOT NULL,
            partner_name text NOT NULL,
            summary text NOT NULL,
            industries text[] NOT NULL,
            regions text[] NOT NULL,
            deployments text[] NOT NULL,
            task text,
            license text,
            accelerator_memory_gb double precision,
            price_minor bigint,
            currency text NOT NULL,
            published_at timestamptz NOT NULL,
            text_a text NOT NULL,
            text_b text NOT NULL,
            text_c text NOT NULL,
            search tsvector GENERATED ALWAYS AS (
                setweight(to_tsvector('simple', text_a), 'A') ||
                setweight(to_tsvector('simple', text_b), 'B') ||
                setweight(to_tsvector('simple', text_c), 'C')) STORED
        );
        """;

    private const string Indexes = """
        CREATE INDEX catalog_search ON catalog USING gin (search);
        CREATE INDEX catalog_industries ON catalog USING gin (industries);
        CREATE INDEX catalog_regions ON catalog USING gin (regions);
        CREATE INDEX catalog_deployments ON catalog USING gin (deployments);
        CREATE INDEX catalog_kind ON catalog (kind);
        CREATE INDEX catalog_task ON catalog (task);
        CREATE INDEX catalog_license ON catalog (license);
        CREATE INDEX catalog_price ON catalog (currency, price_minor);
        CREATE INDEX catalog_memory ON catalog (accelerator_memory_gb);
        CREATE INDEX catalog_newest ON catalog (published_at DESC, id);
        CREATE INDEX catalog_name ON catalog (name_key, id);
        ANALYZE catalog;
        """;

    public static async Task LoadAsync(string connectionString, IReadOnlyList<CatalogEntry> entries, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var create = new NpgsqlCommand(Schema, connection))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var import = await connection.BeginBinaryImportAsync(
            "COPY catalog (id, kind, name, name_key, partner_name, summary, industries, regions, deployments, task, license, " +
            "accelerator_memory_gb, price_minor, currency, published_at, text_a, text_b, text_c) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var entry in entries)
            {
                await WriteRowAsync(import, entry, cancellationToken);
            }
            await import.CompleteAsync(cancellationToken);
        }
        await using var index = new NpgsqlCommand(Indexes, connection) { CommandTimeout = 600 };
        await index.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task WriteRowAsync(NpgsqlBinaryImporter import, CatalogEntry entry, CancellationToken cancellationToken)
    {
        static string[] Lower(IEnumerable<string> values) => values.Select(v => v.ToLowerInvariant()).Distinct().ToArray();
        static string Join(params IEnumerable<string?>[] parts) => string.Join(' ', parts.SelectMany(p => p).Where(p => p is not null));

        await import.StartRowAsync(cancellationToken);
        await import.WriteAsync(entry.Id, NpgsqlDbType.Text, cancellationToken);
        await import.WriteAsync(CatalogFacets.KindValue(entry.Kind), NpgsqlDbType.Text, cancellationToken);
        await import.WriteAsync(entry.Name, NpgsqlDbType.Text, cancellationToken);
        // Upper-case under the C collation orders names as the index's ordinal-ignore-case does.
        await import.WriteAsync(entry.Name.ToUpperInvariant(), NpgsqlDbType.Text, cancellationToken);
        await import.WriteAsync(entry.PartnerName, NpgsqlDbType.Text, cancellationToken);
        await import.WriteAsync(entry.Summary, NpgsqlDbType.Text, cancellationToken);
        await import.WriteAsync(Lower(entry.Industries), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
        await import.WriteAsync(Lower(entry.Regions), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
        await import.WriteAsync(Lower(entry.Deployment), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
        await WriteNullableAsync(import, entry.Task?.ToLowerInvariant(), NpgsqlDbType.Text, cancellationToken);
        await WriteNullableAsync(import, entry.License?.ToLowerInvariant(), NpgsqlDbType.Text, cancellationToken);
        await WriteNullableAsync(import, entry.AcceleratorMemoryGb, NpgsqlDbType.Double, cancellationToken);
        await WriteNullableAsync(import, entry.PriceMinor, NpgsqlDbType.Bigint, cancellationToken);
        await import.WriteAsync(entry.Currency.ToUpperInvariant(), NpgsqlDbType.Text, cancellationToken);
        await import.WriteAsync(entry.PublishedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
        await import.WriteAsync(entry.Name, NpgsqlDbType.Text, cancellationToken);
        await import.WriteAsync(Join([entry.PartnerName], entry.Tags, [entry.Task, entry.AcceleratorType]), NpgsqlDbType.Text, cancellationToken);
        await import.WriteAsync(Join([entry.Summary], entry.Industries, entry.Capabilities, [entry.License, entry.Modality]), NpgsqlDbType.Text, cancellationToken);
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter import, string? value, NpgsqlDbType type, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            await import.WriteNullAsync(cancellationToken);
        }
        else
        {
            await import.WriteAsync(value, type, cancellationToken);
        }
    }

    private static async Task WriteNullableAsync<T>(NpgsqlBinaryImporter import, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : struct
    {
        if (value is { } present)
        {
            await import.WriteAsync(present, type, cancellationToken);
        }
        else
        {
            await import.WriteNullAsync(cancellationToken);
        }
    }
}
