using Marketplace.Abstractions.Partners;
using Marketplace.Application.Organizations;

namespace Marketplace.Application.Partners;

internal static class PartnerLookup
{
    /// <summary>The partner grain once the organisation is known to exist (its grain 404s non-partners).</summary>
    public static async Task<IPartnerGrain> PartnerAsync(this IGrainFactory grains, string organizationId)
    {
        await grains.ExistingOrganizationAsync(organizationId);
        return grains.GetGrain<IPartnerGrain>(organizationId);
    }
}

/// <summary>How an actor appears in audit trails: "user usr_… (Ada)" or "api-key key_… (ci)".</summary>
public static class Actors
{
    public static string Describe(Common.Security.Caller caller) =>
        $"{caller.Kind.ToString().ToLowerInvariant()} {caller.SubjectId} ({caller.DisplayName}) of {caller.OrganizationId}";
}
