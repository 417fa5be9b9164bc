using Marketplace.Domain.Listings;

namespace Marketplace.Domain.Partners;

/// <summary>Which kind of partner offers which kind of listing: a partner lists only what it declared it is.</summary>
public static class PartnerKinds
{
    public static PartnerKind Offering(ListingKind kind) => kind switch
    {
        ListingKind.Model => PartnerKind.ModelVendor,
        ListingKind.Integrator => PartnerKind.Integrator,
        ListingKind.Hardware => PartnerKind.HardwareVendor,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static bool MayList(PartnerProfile? profile, ListingKind kind) =>
        profile is not null && profile.Kinds.Contains(Offering(kind));

    /// <summary>
    /// Why a partner may not list this kind, and what to change; null when it may. A partner that
    /// has declared no kind yet may start drafts (it declares its kinds before it can be verified,
    /// and submission holds every listing to them).
    /// </summary>
    public static string? WhyNot(PartnerProfile? profile, ListingKind kind, bool draft = false)
    {
        if (MayList(profile, kind) || (draft && (profile is null || profile.Kinds.Count == 0)))
        {
            return null;
        }
        var needed = Offering(kind);
        var declared = profile is null || profile.Kinds.Count == 0 ? "no partner kind yet" : string.Join(" and ", profile.Kinds);
        return $"{kind} listings are offered by a {needed}, and this partner has declared {declared}. Add {needed} to the kinds in the partner profile first.";
    }
}
