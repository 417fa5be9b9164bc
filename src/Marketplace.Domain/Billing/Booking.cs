using System.Diagnostics.CodeAnalysis;

namespace Marketplace.Domain.Billing;

/// <summary>
/// The answer to "book this invoice event": the entry to post and the invoice's shares after it,
/// or why not. A refusal is a business answer (the API's 409), never an exception.
/// </summary>
public sealed record Booking
{
    private Booking(JournalEntry? entry, InvoiceShares? invoice, string? refusal)
    {
        Entry = entry;
        Invoice = invoice;
        Refusal = refusal;
        Allowed = refusal is null;
    }

    [MemberNotNullWhen(true, nameof(Entry), nameof(Invoice))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool Allowed { get; }

    public JournalEntry? Entry { get; }

    public InvoiceShares? Invoice { get; }

    public string? Refusal { get; }

    public static Booking Allow(JournalEntry entry, InvoiceShares invoice) => new(entry, invoice, null);

    public static Booking Refused(string why) => new(null, null, why);
}
