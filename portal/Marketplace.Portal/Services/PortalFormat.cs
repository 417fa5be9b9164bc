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
}
