namespace Marketplace.Abstractions.Organizations;

/// <summary>
/// The list of organisations for operators (key: 0). Organisation grains register themselves when
/// created; the list is small (thousands), so one grain holds it.
/// </summary>
[Alias("Marketplace.IOrganizationDirectoryGrain")]
public interface IOrganizationDirectoryGrain : IGrainWithIntegerKey
{
    [Alias("RegisterAsync")]
    Task RegisterAsync(OrganizationSnapshot organization);

    [Alias("ListAsync")]
    Task<IReadOnlyList<OrganizationSnapshot>> ListAsync();
}
