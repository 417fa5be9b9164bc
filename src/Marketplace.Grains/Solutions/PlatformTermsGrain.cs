using Marketplace.Abstractions.Solutions;
using Marketplace.Domain.Money;

namespace Marketplace.Grains.Solutions;

public sealed class PlatformTermsGrain(
    [PersistentState("terms", StorageNames.Default)] IPersistentState<PlatformTermsState> state,
    TimeProvider time) : Grain, IPlatformTermsGrain
{
    public Task<PlatformTerms> GetAsync() => Task.FromResult(Snapshot());

    public Task<PlatformTerms> SetTakeRateAsync(int basisPoints, string actor) =>
        ChangeAsync(actor, s => s.TakeRateBasisPoints = basisPoints);

    public Task<PlatformTerms> SetTaxRateAsync(string region, int? basisPoints, string actor) =>
        ChangeAsync(actor, s =>
        {
            if (basisPoints is { } rate)
            {
                s.TaxRates[region] = rate;
            }
            else
            {
                s.TaxRates.Remove(region);
            }
        });

    public Task<PlatformTerms> SetExchangeRateAsync(string from, string to, long? micros, string actor) =>
        ChangeAsync(actor, s =>
        {
            // One rate per pair, whichever direction it was given in.
            s.ExchangeRates.RemoveAll(r => (r.From == from && r.To == to) || (r.From == to && r.To == from));
            if (micros is { } rate)
            {
                s.ExchangeRates.Add(new ExchangeRate(from, to, rate, time.GetUtcNow()));
            }
        });

    private async Task<PlatformTerms> ChangeAsync(string actor, Action<PlatformTermsState> change)
    {
        change(state.State);
        state.State.ChangedAt = time.GetUtcNow();
        state.State.ChangedBy = actor;
        await state.WriteStateAsync();
        return Snapshot();
    }

    private PlatformTerms Snapshot() => new(
        state.State.TakeRateBasisPoints ?? PlatformTerms.DefaultTakeRateBasisPoints,
        new Dictionary<string, int>(state.State.TaxRates),
        [.. state.State.ExchangeRates],
        state.State.ChangedAt,
        state.State.ChangedBy);
}

[GenerateSerializer, Alias("Marketplace.PlatformTermsState")]
public sealed class PlatformTermsState
{
    [Id(0)]
    public int? TakeRateBasisPoints { get; set; }

    [Id(1)]
    public Dictionary<string, int> TaxRates { get; set; } = [];

    [Id(2)]
    public List<ExchangeRate> ExchangeRates { get; set; } = [];

    [Id(3)]
    public DateTimeOffset? ChangedAt { get; set; }

    [Id(4)]
    public string? ChangedBy { get; set; }
}
