using Marketplace.Abstractions.Organizations;

namespace Marketplace.Grains.Organizations;

public sealed class OrganizationDirectoryGrain(
    [PersistentState("directory", StorageNames.Default)] IPersistentState<OrganizationDirectoryState> state)
    : Grain, IOrganizationDirectoryGrain
{
    public async Task RegisterAsync(OrganizationSnapshot organization)
    {
        if (state.State.Organizations.TryGetValue(organization.Id, out var known) && known == organization)
        {
            return;
        }
        state.State.Organizations[organization.Id] = organization;
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<OrganizationSnapshot>> ListAsync() =>
        Task.FromResult<IReadOnlyList<OrganizationSnapshot>>(
            state.State.Organizations.Values.OrderBy(o => o.Name, StringComparer.OrdinalIgnoreCase).ToList());
}

[GenerateSerializer, Alias("Marketplace.OrganizationDirectoryState")]
public sealed class OrganizationDirectoryState
{
    [Id(0)]
    public Dictionary<string, OrganizationSnapshot> Organizations { get; set; } = [];
}
