using System.Data.Common;
using System.Globalization;
using Marketplace.Abstractions.Billing;
using Marketplace.Domain.Billing;
using Marketplace.Storage.Relational;

namespace Marketplace.Storage.Billing;

/// <summary>
/// The journal on the relational store (SQLite or PostgreSQL): an entry and its postings in one
/// transaction, the idempotency key and the (currency, position) pair unique, so a retry finds
/// its entry and a second writer on a partition is refused by the database.
/// </summary>
public sealed class RelationalJournalStore(RelationalSchema schema) : IJournalStore
{
    public async Task<JournalEntry?> AppendAsync(JournalEntry entry, long position, CancellationToken cancellationToken)
    {
        await schema.EnsureAsync(cancellationToken);
        await using var connection = await schema.Dialect.OpenAsync(cancellationToken);
        if (await FindAsync(connection, entry.IdempotencyKey, cancellationToken) is { } existing)
        {
            return existing;
        }
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var insert = connection.CreateCommand()
                .WithText("INSERT INTO journal_entries (id, idempotency_key, currency, position, occurred_at, description, reverses) " +
                          "VALUES (@id, @key, @currency, @position, @at, @description, @reverses)")
                .With("id", entry.Id)
                .With("key", entry.IdempotencyKey)
                .With("currency", entry.Currency)
                .With("position", position)
                .With("at", entry.OccurredAt.UtcDateTime)
                .With("description", entry.Description)
                .With("reverses", entry.Reverses))
            {
                insert.Transaction = transaction;
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
            for (var line = 0; line < entry.Postings.Count; line++)
            {
                var posting = entry.Postings[line];
                await using var command = connection.CreateCommand()
                    .WithText("INSERT INTO journal_postings (entry_id, line, account, side, amount_minor) VALUES (@entry, @line, @account, @side, @amount)")
                    .With("entry", entry.Id)
                    .With("line", line)
                    .With("account", posting.Account.ToString())
                    .With("side", posting.Side == Side.Debit ? "D" : "C")
                    .With("amount", posting.AmountMinor);
                command.Transaction = transaction;
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            return null;
        }
        catch (DbException error) when (schema.Dialect.IsUniqueViolation(error))
        {
            // Either a concurrent retry of the same key won (answer its entry) or another writer took the position.
            return await FindAsync(connection, entry.IdempotencyKey, cancellationToken)
                ?? throw new JournalPositionTakenException(entry.Currency, position);
        }
    }

    public async Task<IReadOnlyList<JournalEntry>> LoadAsync(string currency, CancellationToken cancellationToken)
    {
        await schema.EnsureAsync(cancellationToken);
        await using var connection = await schema.Dialect.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand()
            .WithText(SelectEntries + " WHERE e.currency = @currency ORDER BY e.position, p.line")
            .With("currency", currency);
        return await ReadAsync(command, cancellationToken);
    }

    private const string SelectEntries =
        "SELECT e.id, e.idempotency_key, e.currency, e.occurred_at, e.description, e.reverses, p.account, p.side, p.amount_minor " +
        "FROM journal_entries e JOIN journal_postings p ON p.entry_id = e.id";

    private static async Task<JournalEntry?> FindAsync(DbConnection connection, string key, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand()
            .WithText(SelectEntries + " WHERE e.idempotency_key = @key ORDER BY p.line")
            .With("key", key);
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    private static async Task<IReadOnlyList<JournalEntry>> ReadAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var entries = new List<JournalEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        string? id = null;
        Header? header = null;
        var postings = new List<Posting>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var rowId = reader.GetString(0);
            if (rowId != id && id is not null)
            {
                entries.Add(header!.Build(id, postings));
                postings = [];
            }
            if (rowId != id)
            {
                id = rowId;
                header = new Header(reader.GetString(1), reader.GetString(2), reader.GetDateTime(3), reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5));
            }
            var account = Account.Parse(reader.GetString(6));
            var amount = Convert.ToInt64(reader.GetValue(8), CultureInfo.InvariantCulture);
            postings.Add(reader.GetString(7) == "D" ? Posting.Debit(account, amount) : Posting.Credit(account, amount));
        }
        if (id is not null)
        {
            entries.Add(header!.Build(id, postings));
        }
        return entries;
    }

    private sealed record Header(string Key, string Currency, DateTime OccurredAt, string Description, string? Reverses)
    {
        public JournalEntry Build(string id, List<Posting> postings) =>
            new(id, Key, Currency, new DateTimeOffset(DateTime.SpecifyKind(OccurredAt, DateTimeKind.Utc)), Description, postings, Reverses);
    }
}
