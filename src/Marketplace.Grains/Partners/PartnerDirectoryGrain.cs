using Marketplace.Abstractions.Partners;

namespace Marketplace.Grains.Partners;

public sealed class PartnerDirectoryGrain(
    [PersistentState("partners", StorageNames.Default)] IPersistentState<PartnerDirectoryState> state)
    : Grain, IPartnerDirectoryGrain
{
    public async Task UpdateAsync(PartnerSummary partner)
    {
        if (state.State.Partners.TryGetValue(partner.OrganizationId, out var known) && Same(known, partner))
        {
            return;
        }
        state.State.Partners[partner.OrganizationId] = partner;
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<PartnerSummary>> ListAsync() =>
        Task.FromResult<IReadOnlyList<PartnerSummary>>(
            state.State.Partners.Values.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToList());

    private static bool Same(PartnerSummary a, PartnerSummary b) =>
        a.Name == b.Name && a.Status == b.Status && a.Country == b.Country && a.SubmittedAt == b.SubmittedAt && a.Kinds.SequenceEqual(b.Kinds);
}

[GenerateSerializer, Alias("Marketplace.PartnerDirectoryState")]
public sealed class PartnerDirectoryState
{
    [Id(0)]
    public Dictionary<string, PartnerSummary> Partners { get; set; } = [];
}
