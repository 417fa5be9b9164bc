namespace Marketplace.Abstractions.Catalog;

/// <summary>Remembers which seed catalog content was applied last (key: 0), so a restart with the same files does nothing.</summary>
[Alias("Marketplace.ISeedStateGrain")]
public interface ISeedStateGrain : IGrainWithIntegerKey
{
    [Alias("GetAppliedDigestAsync")]
    Task<string?> GetAppliedDigestAsync();

    [Alias("SetAppliedDigestAsync")]
    Task SetAppliedDigestAsync(string digest);
}
