using Marketplace.Abstractions.Errors;
using Marketplace.Abstractions.Organizations;
using Marketplace.Domain.Common;

namespace Marketplace.Application.Organizations;

public static class OrganizationLookup
{
    /// <summary>The organisation, or null; ids that cannot be ours never reach storage.</summary>
    public static async Task<OrganizationSnapshot?> FindOrganizationAsync(this IGrainFactory grains, string id) =>
        Identifiers.LooksLike(id, "org") ? await grains.GetGrain<IOrganizationGrain>(id).GetAsync() : null;

    /// <summary>The organisation's grain, once it is known to exist.</summary>
    public static async Task<IOrganizationGrain> ExistingOrganizationAsync(this IGrainFactory grains, string id) =>
        await grains.FindOrganizationAsync(id) is not null
            ? grains.GetGrain<IOrganizationGrain>(id)
            : throw new NotFoundException("Organization", id);
}
