namespace Marketplace.Abstractions.Partners;

/// <summary>Every partner with its current status (key: 0), for the operator's lists and queue.</summary>
[Alias("Marketplace.IPartnerDirectoryGrain")]
public interface IPartnerDirectoryGrain : IGrainWithIntegerKey
{
    [Alias("UpdateAsync")]
    Task UpdateAsync(PartnerSummary partner);

    [Alias("ListAsync")]
    Task<IReadOnlyList<PartnerSummary>> ListAsync();
}
