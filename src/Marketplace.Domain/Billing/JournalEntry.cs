using System.Security.Cryptography;
using System.Text;

namespace Marketplace.Domain.Billing;

/// <summary>
/// One balanced movement of money: postings in one currency whose debits equal their credits.
/// It cannot be built unbalanced, so a ledger made of entries cannot be unbalanced either.
/// The <see cref="IdempotencyKey"/> is the caller's name for the operation (derived from its own
/// command or entity id) and makes a retry post once; <see cref="Id"/> is the ledger's name for it.
/// </summary>
public sealed class JournalEntry
{
    private readonly Posting[] _postings;
    private string? _id;
    private Posting[]? _canonical;

    /// <exception cref="ArgumentException">When the entry is not a valid, balanced movement of money.</exception>
    public JournalEntry(string id, string idempotencyKey, string currency, DateTimeOffset occurredAt, string description, IEnumerable<Posting> postings, string? reverses = null)
        : this(id ?? throw new ArgumentNullException(nameof(id)), idempotencyKey, currency, occurredAt, description, [.. postings], reverses)
    {
    }

    /// <summary>
    /// Takes ownership of <paramref name="postings"/> (only this assembly passes an array no one else
    /// holds); a null <paramref name="id"/> is derived from the key when first read.
    /// </summary>
    private JournalEntry(string? id, string idempotencyKey, string currency, DateTimeOffset occurredAt, string description, Posting[] postings, string? reverses)
    {
        _id = id is null || !string.IsNullOrWhiteSpace(id) ? id : throw new ArgumentException("An entry has an id.", nameof(id));
        IdempotencyKey = string.IsNullOrWhiteSpace(idempotencyKey) ? throw new ArgumentException("An entry has an idempotency key.", nameof(idempotencyKey)) : idempotencyKey;
        Currency = Money.Currency.IsSupported(currency) ? currency : throw new ArgumentException($"Unsupported currency '{currency}'.", nameof(currency));
        OccurredAt = occurredAt;
        Description = description ?? "";
        Reverses = reverses;
        _postings = postings;
        Postings = Array.AsReadOnly(_postings);
        (TotalMinor, var problem) = Check(_postings);
        if (problem is not null)
        {
            throw new ArgumentException($"Entry '{idempotencyKey}' is refused: {problem}", nameof(postings));
        }
    }

    public string Id => _id ??= IdFor(IdempotencyKey);

    public string IdempotencyKey { get; }

    public string Currency { get; }

    public DateTimeOffset OccurredAt { get; }

    public string Description { get; }

    /// <summary>Read-only: a posted entry is never changed, not even through a cast.</summary>
    public IReadOnlyList<Posting> Postings { get; }

    /// <summary>The id of the entry this one cancels, when it is a reversal.</summary>
    public string? Reverses { get; }

    /// <summary>The money the entry moves: its debits, which equal its credits.</summary>
    public long TotalMinor { get; }

    /// <summary>The postings without an interface in the way, for the ledger's hot path.</summary>
    internal ReadOnlySpan<Posting> PostingSpan => _postings;

    /// <summary>
    /// The entry id for an idempotency key: "je_" and the first 15 bytes of the key's SHA-256 in hex.
    /// Derived rather than random, so an operation rebuilt from scratch on a retry has the same id,
    /// and storage keyed by id stays idempotent too.
    /// </summary>
    public static string IdFor(string idempotencyKey)
    {
        var length = Encoding.UTF8.GetByteCount(idempotencyKey);
        Span<byte> key = length <= 256 ? stackalloc byte[length] : new byte[length];
        Encoding.UTF8.GetBytes(idempotencyKey, key);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(key, hash);
        Span<char> id = stackalloc char[3 + 30];
        "je_".CopyTo(id);
        Convert.TryToHexStringLower(hash[..15], id[3..], out _);
        return new string(id);
    }

    /// <summary>An entry named by its key (see <see cref="IdFor"/>), owning a postings array built for it.</summary>
    internal static JournalEntry Create(string idempotencyKey, string currency, DateTimeOffset occurredAt, string description, Posting[] postings, string? reverses = null) =>
        new(null, idempotencyKey, currency, occurredAt, description, postings, reverses);

    /// <summary>
    /// The exact opposite of an entry: every posting on the other side. A posted entry is never
    /// changed or deleted; this is how a mistake is corrected.
    /// </summary>
    public static JournalEntry Reversal(JournalEntry entry, string idempotencyKey, DateTimeOffset occurredAt, string? why = null) =>
        Create(idempotencyKey, entry.Currency, occurredAt, why ?? $"Reversal of {entry.Id}: {entry.Description}",
            Array.ConvertAll(entry._postings, p => p.Opposite()), reverses: entry.Id);

    /// <summary>
    /// Whether two entries move the same money: the same currency and the same postings in any
    /// order. Id, time and description are not compared: a retry may be built afresh, later, with
    /// other words, and is still the same operation.
    /// </summary>
    public bool SameMoneyAs(JournalEntry other) =>
        ReferenceEquals(this, other)
        || (Currency == other.Currency && TotalMinor == other.TotalMinor && _postings.Length == other._postings.Length
            && (_postings.AsSpan().SequenceEqual(other._postings) || Canonical().AsSpan().SequenceEqual(other.Canonical())));

    /// <summary>The total moved, or why the postings cannot form an entry.</summary>
    private static (long Total, string? Problem) Check(Posting[] postings)
    {
        if (postings.Length < 2)
        {
            return (0, "an entry has at least two postings.");
        }
        Int128 debits = 0, credits = 0;
        foreach (var posting in postings)
        {
            if (posting.AmountMinor <= 0)
            {
                return (0, $"every amount is positive, and {posting.Account} has {posting.AmountMinor}.");
            }
            if (posting.Account.Owner is null && posting.Account.Kind is AccountKind.CustomerReceivable or AccountKind.GatewayClearing or AccountKind.PartnerPending or AccountKind.PartnerPayable)
            {
                return (0, $"a {posting.Account.Kind} account names its owner.");
            }
            if (posting.Side == Side.Debit)
            {
                debits += posting.AmountMinor;
            }
            else
            {
                credits += posting.AmountMinor;
            }
        }
        if (debits != credits)
        {
            return (0, $"debits ({debits}) must equal credits ({credits}).");
        }
        return debits > long.MaxValue ? (0, $"an entry moves at most {long.MaxValue} minor units, not {debits}.") : ((long)debits, null);
    }

    private Posting[] Canonical()
    {
        if (_canonical is null)
        {
            var sorted = (Posting[])_postings.Clone();
            Array.Sort(sorted, ComparePostings);
            _canonical = sorted;
        }
        return _canonical;
    }

    private static int ComparePostings(Posting x, Posting y)
    {
        var byAccount = x.Account.CompareTo(y.Account);
        if (byAccount != 0)
        {
            return byAccount;
        }
        var bySide = ((int)x.Side).CompareTo((int)y.Side);
        return bySide != 0 ? bySide : x.AmountMinor.CompareTo(y.AmountMinor);
    }
}
