using Marketplace.Domain.Catalog;

namespace Marketplace.Abstractions.Catalog;

/// <summary>
/// The industries the catalog serves, with their scenarios (key: 0). Durable, and every change is
/// pushed through the catalog feed, so every silo's copy agrees within a second of a reload.
/// </summary>
[Alias("Marketplace.IIndustryListGrain")]
public interface IIndustryListGrain : IGrainWithIntegerKey
{
    [Alias("ListAsync")]
    Task<IReadOnlyList<Industry>> ListAsync();

    /// <summary>Replaces the list; publishes the change only when it differs from what is stored.</summary>
    [Alias("ReplaceAsync")]
    Task ReplaceAsync(IReadOnlyList<Industry> industries);
}
