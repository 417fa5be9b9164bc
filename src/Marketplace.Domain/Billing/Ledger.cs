namespace Marketplace.Domain.Billing;

/// <summary>
/// The append-only book of one currency: entries are added, never changed or removed, and each
/// idempotency key posts at most once. Balances are kept as entries arrive so that reading one is
/// cheap. Not thread-safe: a ledger partition has one writer (its grain), which is also what makes
/// "look up the key, then append" atomic.
/// </summary>
public sealed class Ledger
{
    private readonly List<JournalEntry> _entries = [];
    private readonly Dictionary<string, JournalEntry> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<Account, Totals> _totals = [];
    private long _turnover;

    public Ledger(string currency)
    {
        Currency = Money.Currency.IsSupported(currency) ? currency : throw new ArgumentException($"Unsupported currency '{currency}'.", nameof(currency));
    }

    /// <summary>Rebuilds a ledger from entries stored in posting order.</summary>
    public Ledger(string currency, IEnumerable<JournalEntry> entries)
        : this(currency)
    {
        foreach (var entry in entries)
        {
            Post(entry);
        }
    }

    public string Currency { get; }

    public IReadOnlyList<JournalEntry> Entries => _entries;

    public IReadOnlyCollection<Account> Accounts => _totals.Keys;

    /// <summary>
    /// Appends an entry unless its idempotency key is taken: then the same money is a
    /// <see cref="PostOutcome.Duplicate"/> (a retry; nothing changes) and other money a
    /// <see cref="PostOutcome.Conflict"/> (a bug or a reused key; refused).
    /// </summary>
    /// <exception cref="ArgumentException">When the entry is in another currency than the ledger.</exception>
    /// <exception cref="OverflowException">
    /// When the ledger's total turnover would pass what a <c>long</c> holds (9.2 × 10^18 minor units).
    /// Every account's totals are bounded by the turnover, so checking it once keeps posting whole or
    /// not at all.
    /// </exception>
    public PostResult Post(JournalEntry entry)
    {
        if (_byKey.TryGetValue(entry.IdempotencyKey, out var existing))
        {
            return new PostResult(existing.SameMoneyAs(entry) ? PostOutcome.Duplicate : PostOutcome.Conflict, existing);
        }
        if (entry.Currency != Currency)
        {
            throw new ArgumentException($"Entry '{entry.IdempotencyKey}' is in {entry.Currency}; this ledger books {Currency}.", nameof(entry));
        }
        _turnover = checked(_turnover + entry.TotalMinor);
        var index = _entries.Count;
        foreach (var posting in entry.PostingSpan)
        {
            if (!_totals.TryGetValue(posting.Account, out var totals))
            {
                totals = new Totals();
                _totals[posting.Account] = totals;
            }
            totals.Add(posting, index);
        }
        _entries.Add(entry);
        _byKey[entry.IdempotencyKey] = entry;
        return new PostResult(PostOutcome.Posted, entry);
    }

    public JournalEntry? Find(string idempotencyKey) => _byKey.GetValueOrDefault(idempotencyKey);

    /// <summary>An account's totals; an account never posted to has none.</summary>
    public AccountBalance Balance(Account account) =>
        _totals.TryGetValue(account, out var totals) ? new AccountBalance(account, totals.Debits, totals.Credits) : new AccountBalance(account, 0, 0);

    /// <summary>Every posting to an account, oldest first.</summary>
    public IReadOnlyList<AccountMovement> History(Account account)
    {
        if (!_totals.TryGetValue(account, out var totals))
        {
            return [];
        }
        var movements = new List<AccountMovement>();
        long net = 0;
        foreach (var entry in totals.EntryIndexes.Select(i => _entries[i]))
        {
            foreach (var posting in entry.Postings.Where(p => p.Account == account))
            {
                net += posting.Side == Side.Debit ? posting.AmountMinor : -posting.AmountMinor;
                movements.Add(new AccountMovement(entry, posting.Side, posting.AmountMinor, net));
            }
        }
        return movements;
    }

    public TrialBalance TrialBalance() =>
        new(Currency, [.. _totals.Select(t => new AccountBalance(t.Key, t.Value.Debits, t.Value.Credits)).OrderBy(b => b.Account)]);

    private sealed class Totals
    {
        public long Debits { get; private set; }

        public long Credits { get; private set; }

        /// <summary>The entries that post to the account, by position, each once.</summary>
        public List<int> EntryIndexes { get; } = [];

        public void Add(Posting posting, int entryIndex)
        {
            if (posting.Side == Side.Debit)
            {
                Debits += posting.AmountMinor;
            }
            else
            {
                Credits += posting.AmountMinor;
            }
            if (EntryIndexes.Count == 0 || EntryIndexes[^1] != entryIndex)
            {
                EntryIndexes.Add(entryIndex);
            }
        }
    }
}
