using System.Collections.Concurrent;
using Marketplace.Abstractions.Listings;
using Marketplace.Application.Catalog;
using Marketplace.Application.Sandbox.Benchmarks;
using Marketplace.Domain.Catalog;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Solutions;
using Marketplace.Domain.Vocabulary;

namespace Marketplace.Application.Solutions;

/// <summary>The published catalog as the configurator reads it, with each model's sandbox measurements.</summary>
public sealed record OfferSet(
    IReadOnlyList<ModelOffer> Models,
    IReadOnlyList<IntegratorOffer> Integrators,
    IReadOnlyList<HardwareOffer> Hardware,
    IReadOnlyDictionary<string, string> PartnerNames);

/// <summary>Where the configurator's offers come from (the published catalog; a generated one in benchmarks).</summary>
public interface ISolutionOffers
{
    Task<OfferSet> LoadAsync();
}

/// <summary>
/// Builds the offers from this silo's catalog index and the listings' published versions, which
/// never change: a listing is read again only when the index shows a new version of it.
/// </summary>
public sealed class SolutionOffers(IGrainFactory grains, ICatalogSearch catalog, MeasuredBenchmarks benchmarks) : ISolutionOffers
{
    private readonly ConcurrentDictionary<string, (PublishedListing Listing, Domain.Sandbox.SandboxModel? Runnable)> _published = new(StringComparer.Ordinal);

    public async Task<OfferSet> LoadAsync()
    {
        var listings = await Task.WhenAll(PublishedIds().Select(ReadAsync));
        var present = listings.OfType<(PublishedListing Listing, Domain.Sandbox.SandboxModel? Runnable)>().ToList();
        var models = await Task.WhenAll(present.Where(p => p.Listing.Content.Model is not null).Select(ModelAsync));
        return new OfferSet(
            models,
            present.Where(p => p.Listing.Content.Integrator is not null).Select(p => Integrator(p.Listing)).ToList(),
            present.Where(p => p.Listing.Content.Hardware is not null).Select(p => Hardware(p.Listing)).ToList(),
            present.Select(p => p.Listing).GroupBy(l => l.PartnerId).ToDictionary(g => g.Key, g => g.First().PartnerName));
    }

    private IEnumerable<string> PublishedIds()
    {
        for (var page = 1; ; page++)
        {
            var result = catalog.Search(new CatalogQuery { Sort = CatalogSort.Name, Page = page, PageSize = CatalogQuery.MaxPageSize });
            foreach (var hit in result.Items)
            {
                yield return hit.Id;
            }
            if (page * CatalogQuery.MaxPageSize >= result.Total)
            {
                yield break;
            }
        }
    }

    private async Task<(PublishedListing Listing, Domain.Sandbox.SandboxModel? Runnable)?> ReadAsync(string id)
    {
        var version = catalog.Get(id)?.Version;
        if (_published.TryGetValue(id, out var known) && known.Listing.Version == version)
        {
            return known;
        }
        var grain = grains.GetGrain<IListingGrain>(id);
        if (await grain.GetPublishedAsync() is not { } listing)
        {
            return null;
        }
        var runnable = listing.Content.Model is null ? null : (await grain.GetSandboxModelAsync()).Value;
        var read = (listing, runnable is not null && runnable.Version == listing.Version ? runnable : null);
        _published[id] = read;
        return read;
    }

    private async Task<ModelOffer> ModelAsync((PublishedListing Listing, Domain.Sandbox.SandboxModel? Runnable) published)
    {
        var (listing, runnable) = published;
        var spec = listing.Content.Model!;
        var parameters = spec.ParameterCount ?? runnable?.Artifact.ParameterCount ?? 0;
        var measured = runnable is null ? [] : await benchmarks.ForAsync(runnable);
        return new ModelOffer
        {
            Id = listing.Id,
            Name = listing.Content.Name,
            PartnerId = listing.PartnerId,
            Version = listing.Version,
            Task = spec.Task,
            Deployments = spec.Deployment,
            Regions = listing.Content.Regions,
            ParameterCount = parameters,
            WeightBytes = WeightBytes(spec, runnable, parameters),
            FlopsPerInference = spec.FlopsPerInference ?? 0,
            ElementBytes = spec.Precision is Precisions.Fp32 ? 4 : spec.Precision is Precisions.Fp8 or Precisions.Int8 ? 1 : 2,
            Decoder = spec.Decoder,
            Pricing = listing.Content.Pricing,
            Measured = measured.Select(b => new MeasuredThroughput(b.DeviceName, b.Batch1PerSecond, b.BatchedPerSecond, b.BatchedConcurrency, b.P50Ms, b.P99Ms)).ToList(),
        };
    }

    /// <summary>The file's own weights when there is one, else parameters at the listed precision, else the stated footprint.</summary>
    private static double WeightBytes(ModelSpec spec, Domain.Sandbox.SandboxModel? runnable, long parameters) =>
        runnable?.Artifact.InitializerBytes is > 0 and var bytes ? bytes
        : parameters > 0 ? parameters * Precisions.BytesPerParameter(spec.Precision)
        : (spec.MemoryFootprintMb ?? 0) * 1024.0 * 1024.0;

    private static IntegratorOffer Integrator(PublishedListing listing)
    {
        var spec = listing.Content.Integrator!;
        return new IntegratorOffer
        {
            Id = listing.Id,
            Name = listing.Content.Name,
            PartnerId = listing.PartnerId,
            Version = listing.Version,
            Industries = listing.Content.Industries,
            Regions = listing.Content.Regions,
            CertifiedModelIds = spec.CertifiedModelIds,
            CertifiedHardwareIds = spec.CertifiedHardwareIds,
            LeadTimeWeeks = spec.LeadTimeWeeks,
            ProjectDays = spec.ProjectDays ?? IntegratorSpec.DefaultProjectDays,
            Pricing = listing.Content.Pricing,
        };
    }

    private static HardwareOffer Hardware(PublishedListing listing) => new()
    {
        Id = listing.Id,
        Name = listing.Content.Name,
        PartnerId = listing.PartnerId,
        Version = listing.Version,
        Spec = listing.Content.Hardware!,
        Regions = listing.Content.Regions,
        Pricing = listing.Content.Pricing,
    };

    /// <summary>
    /// The customer's own accelerators as one offer: described by the first listed server with that
    /// accelerator (its per-accelerator figures and accelerators per server), never priced.
    /// </summary>
    public static HardwareOffer? Owned(OwnedHardware owned, IReadOnlyList<HardwareOffer> catalogued)
    {
        var like = catalogued.Where(h => h.Spec.AcceleratorCount > 0 && Sizer.SameDevice(h.Spec.AcceleratorType, owned.AcceleratorType))
            .OrderBy(h => h.Id, StringComparer.Ordinal).FirstOrDefault();
        if (like is null)
        {
            return null;
        }
        var perServer = Math.Min(owned.Count, like.Spec.AcceleratorCount);
        return new HardwareOffer
        {
            Id = QuoteRules.OwnedHardwareId,
            Name = $"{owned.Count} × {like.Spec.AcceleratorType} (your own)",
            PartnerId = "",
            Version = "",
            Spec = like.Spec with { AcceleratorCount = perServer, LeadTimeWeeks = null },
            Pricing = new ListingPricing { Currency = like.Pricing.Currency },
            Owned = true,
            AvailableServers = owned.Count / perServer,
        };
    }
}
