using System.Globalization;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Partners;

namespace Marketplace.Portal.Services;

/// <summary>One way to show dates, sizes and enum values across the portal (never the machine's locale).</summary>
public static class PortalFormat
{
    public static string Date(DateTimeOffset? at) => at?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    public static string DateTime(DateTimeOffset? at) => at?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "—";

    public static string Bytes(long bytes) => bytes switch
    {
        >= 1024L * 1024 * 1024 => (bytes / (1024d * 1024 * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " GB",
        >= 1024 * 1024 => (bytes / (1024d * 1024)).ToString("0.0", CultureInfo.InvariantCulture) + " MB",
        >= 1024 => (bytes / 1024d).ToString("0.0", CultureInfo.InvariantCulture) + " KB",
        _ => bytes.ToString(CultureInfo.InvariantCulture) + " B",
    };

    public static string Number(double value) => value.ToString("#,##0.##", CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString("#,##0", CultureInfo.InvariantCulture);

    public static string Kind(ListingKind kind) => kind.ToString();

    public static string KindPlural(ListingKind kind) => kind switch
    {
        ListingKind.Model => "Models",
        ListingKind.Integrator => "Integrators",
        _ => "Hardware",
    };

    public static string PartnerKind(PartnerKind kind) => kind switch
    {
        Domain.Partners.PartnerKind.ModelVendor => "Model vendor",
        Domain.Partners.PartnerKind.Integrator => "Integrator",
        _ => "Hardware vendor",
    };

    public static string Status(ListingStatus status) => status == ListingStatus.InReview ? "In review" : status.ToString();

    /// <summary>Milliseconds with the precision a latency deserves: "0.42 ms", "12.3 ms", "1,204 ms".</summary>
    /// <summary>Basis points as a percentage ("1000" → "10 %"), exactly.</summary>
    public static string BasisPoints(int basisPoints) => (basisPoints / 100m).ToString("0.##", CultureInfo.InvariantCulture) + " %";

    /// <summary>An exchange rate kept in millionths, as the decimal it is ("1.085").</summary>
    public static string Micros(long micros) => (micros / 1_000_000m).ToString("0.######", CultureInfo.InvariantCulture);

    public static string Ms(double ms) => ms switch
    {
        < 1 => ms.ToString("0.00", CultureInfo.InvariantCulture) + " ms",
        < 100 => ms.ToString("0.0", CultureInfo.InvariantCulture) + " ms",
        _ => ms.ToString("#,##0", CultureInfo.InvariantCulture) + " ms",
    };

    /// <summary>Inferences per second: whole numbers once they are large ("140,880 /s", "5.3 /s").</summary>
    public static string Rate(double perSecond) =>
        perSecond.ToString(perSecond >= 100 ? "#,##0" : "0.#", CultureInfo.InvariantCulture) + " /s";

    /// <summary>A wait as a person says it: "4 s", "12 min", "5 h 12 min".</summary>
    public static string Duration(TimeSpan span) => span switch
    {
        { TotalSeconds: < 1 } => "a moment",
        { TotalSeconds: < 60 } => Math.Ceiling(span.TotalSeconds).ToString(CultureInfo.InvariantCulture) + " s",
        { TotalMinutes: < 60 } => Math.Ceiling(span.TotalMinutes).ToString(CultureInfo.InvariantCulture) + " min",
        _ => $"{(int)span.TotalHours} h {span.Minutes} min",
    };
}
