using System.Globalization;
using Marketplace.Domain.Solutions;

namespace Marketplace.Domain.Billing;

/// <summary>
/// A usage-priced line of an order that a deployment reports usage against: its id
/// (<c>{orderId}.{n}</c>, n the quote line's position), its dimension and the agreed price per 1,000.
/// </summary>
public sealed record MeteredLine(string Id, string PartnerId, string PartnerName, string? ListingId, string Description, string Unit, long Per1kMinor, int TakeRateBasisPoints);

/// <summary>One usage record as a deployment sends it; its id is the deployment's own and makes a resend a no-op.</summary>
public sealed record UsageRecord(string? Id, string? OrderLineId, long? Quantity, string? Unit, DateTimeOffset? At);

public enum UsageOutcome
{
    Accepted,
    Duplicate,
    Refused,
}

/// <summary>What became of one record of a batch, in the batch's order.</summary>
public sealed record UsageRecordResult(int Index, string? Id, UsageOutcome Outcome, string? Reason)
{
    public static UsageRecordResult Refused(int index, string? id, string reason) => new(index, id, UsageOutcome.Refused, reason);
}

/// <summary>The order's term as metering sees it: month m runs from m-1 to m calendar months after the start.</summary>
public sealed record MeteringTerm(DateTimeOffset Start, int Months)
{
    public DateTimeOffset End => Start.AddMonths(Months);

    public DateTimeOffset MonthStart(int month) => Start.AddMonths(month - 1);

    /// <summary>The month of the term an instant falls in, or null outside the term.</summary>
    public int? MonthOf(DateTimeOffset at)
    {
        if (at < Start || at >= End)
        {
            return null;
        }
        // Calendar months differ in length, so count rather than divide.
        var month = Math.Max(1, ((at.Year - Start.Year) * 12) + at.Month - Start.Month);
        while (month > 1 && at < MonthStart(month))
        {
            month--;
        }
        while (at >= MonthStart(month + 1))
        {
            month++;
        }
        return month;
    }
}

/// <summary>
/// The rules of metered usage, after AWS Marketplace's BatchMeterUsage: a record names a usage-priced
/// line of an order, counts in that line's unit, falls inside the order's term and in a month not
/// yet invoiced (an invoice never changes once issued), and is not from the future. The month's
/// total is rated once at the agreed price per 1,000.
/// </summary>
public static class Metering
{
    public const int MaxRecordsPerBatch = 1000;
    public const int MaxIdLength = 128;
    public const long MaxQuantity = 1_000_000_000_000;

    /// <summary>How far ahead of our clock a deployment's timestamp may be (clock drift), like Stripe's webhook tolerance.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>How long after a month ends its usage may still arrive before it is invoiced.</summary>
    public static readonly TimeSpan ReportingGrace = TimeSpan.FromHours(6);

    public static string LineId(string orderId, int position) => orderId + "." + position.ToString(CultureInfo.InvariantCulture);

    /// <summary>The order id a line id belongs to, or null when it is not a line id.</summary>
    public static string? OrderIdOf(string? lineId)
    {
        var dot = lineId?.LastIndexOf('.') ?? -1;
        return dot > 0 && int.TryParse(lineId.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out _) ? lineId![..dot] : null;
    }

    /// <summary>The usage-priced lines of an accepted quote version, numbered by their position on the quote.</summary>
    public static IReadOnlyList<MeteredLine> Lines(string orderId, QuoteVersion version) =>
        version.Lines.Select((line, index) => (line, index))
            .Where(x => x.line.Usage is not null)
            .Select(x => new MeteredLine(LineId(orderId, x.index + 1), x.line.PartnerId, x.line.PartnerName, x.line.ListingId,
                UsageName(x.line.Description), x.line.Usage!.Unit, x.line.Usage.Per1kMinor, version.TakeRateBasisPoints))
            .ToList();

    /// <summary>Why a record is refused, or null when it may be recorded (whether it is a duplicate is the store's to say).</summary>
    public static string? Refusal(UsageRecord record, MeteredLine? line, MeteringTerm term, int invoicedMonths, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(record.Id) || record.Id.Length > MaxIdLength)
        {
            return $"'id' is required, at most {MaxIdLength} characters.";
        }
        if (line is null)
        {
            return $"'orderLineId' {(string.IsNullOrWhiteSpace(record.OrderLineId) ? "is required" : $"'{record.OrderLineId}' is not a usage-priced line of an order you can report for")}.";
        }
        if (record.Quantity is not { } quantity || quantity <= 0 || quantity > MaxQuantity)
        {
            return $"'quantity' must be a whole number from 1 to {MaxQuantity:N0}.";
        }
        if (!string.Equals(record.Unit?.Trim(), line.Unit, StringComparison.OrdinalIgnoreCase))
        {
            return $"'unit' must be '{line.Unit}', the dimension of line {line.Id}{(string.IsNullOrWhiteSpace(record.Unit) ? "" : $", not '{record.Unit}'")}.";
        }
        if (record.At is not { } at)
        {
            return "'at' (when the usage happened) is required.";
        }
        if (at > now + ClockSkew)
        {
            return $"'at' {Stamp(at)} is in the future.";
        }
        if (term.MonthOf(at) is not { } month)
        {
            return $"'at' {Stamp(at)} is outside the order's term ({Stamp(term.Start)} to {Stamp(term.End)}).";
        }
        return month <= invoicedMonths
            ? $"'at' {Stamp(at)} falls in month {month} of the term, which is already invoiced."
            : null;
    }

    /// <summary>Whether month <paramref name="month"/> may be closed and invoiced: it ended, and its late records had their grace.</summary>
    public static bool MayClose(MeteringTerm term, int month, DateTimeOffset now) => term.Start.AddMonths(month) + ReportingGrace <= now;

    /// <summary>The invoice lines for a month's totals per line: one per line that was used, rated once on its total.</summary>
    public static IReadOnlyList<InvoiceLine> Rate(IReadOnlyList<MeteredLine> lines, IReadOnlyDictionary<string, long> quantities, int month) =>
        lines.Where(l => quantities.GetValueOrDefault(l.Id) > 0)
            .Select(l =>
            {
                var quantity = quantities[l.Id];
                return new InvoiceLine(l.PartnerId, l.PartnerName,
                    $"{l.Description}: {quantity.ToString("N0", CultureInfo.InvariantCulture)} {Vocabulary.UsageUnits.All.LabelOf(l.Unit).ToLowerInvariant()} metered in month {month}",
                    UsageRating.AmountMinor(quantity, l.Per1kMinor), l.TakeRateBasisPoints, false);
            })
            .Where(l => l.AmountMinor > 0)
            .ToList();

    // The quote line says what was projected ("Model (role): 1,000 inferences projected …"); the invoice says what was used.
    private static string UsageName(string quoteDescription) =>
        quoteDescription.IndexOf(": ", StringComparison.Ordinal) is var colon and > 0 ? quoteDescription[..colon] : quoteDescription;

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
