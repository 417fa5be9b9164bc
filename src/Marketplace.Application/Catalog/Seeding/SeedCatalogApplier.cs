using System.Security.Cryptography;
using System.Text.Json;
using Marketplace.Abstractions.Catalog;
using Marketplace.Abstractions.Errors;
using Marketplace.Abstractions.Files;
using Marketplace.Abstractions.Listings;
using Marketplace.Abstractions.Organizations;
using Marketplace.Abstractions.Partners;
using Marketplace.Abstractions.Serialization;
using Marketplace.Domain.Catalog;
using Marketplace.Domain.Common;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Organizations;
using Marketplace.Domain.Partners;
using Microsoft.Extensions.Logging;

namespace Marketplace.Application.Catalog.Seeding;

/// <summary>
/// Puts the seed catalog in place through the same grains and lifecycles as real partners:
/// partners are onboarded and verified, listings created, submitted and approved. Idempotent:
/// what is already as the files say is left alone, so applying twice changes nothing.
/// </summary>
public sealed partial class SeedCatalogApplier(
    IGrainFactory grains,
    IContentStore store,
    IndustryCatalog industries,
    TimeProvider time,
    ILogger<SeedCatalogApplier> logger)
{
    public const string Actor = "seed catalog";

    public async Task<SeedReport> ApplyAsync(SeedCatalog catalog, bool force, CancellationToken cancellationToken)
    {
        industries.Replace(catalog.Industries);
        var digest = Digest(catalog);
        var seedState = grains.GetGrain<ISeedStateGrain>(0);
        if (!force && await seedState.GetAppliedDigestAsync() == digest)
        {
            return new SeedReport(catalog.Partners.Count, catalog.Listings.Count, 0, 0, 0, Skipped: true);
        }
        var partnersCreated = 0;
        foreach (var partner in catalog.Partners)
        {
            partnersCreated += await ConvergeAsync(() => EnsurePartnerAsync(partner, cancellationToken)) ? 1 : 0;
        }
        int created = 0, updated = 0;
        foreach (var listing in catalog.Listings)
        {
            switch (await ConvergeAsync(() => EnsureListingAsync(listing)))
            {
                case Change.Created:
                    created++;
                    break;
                case Change.Updated:
                    updated++;
                    break;
            }
        }
        await seedState.SetAppliedDigestAsync(digest);
        var report = new SeedReport(catalog.Partners.Count, catalog.Listings.Count, partnersCreated, created, updated, Skipped: false);
        LogApplied(report.Partners, report.Listings, partnersCreated, created, updated);
        return report;
    }

    /// <summary>
    /// Several hosts of a cluster may seed at the same moment; a step that loses a race sees a
    /// conflict, re-reads what the other host did and carries on from there.
    /// </summary>
    private static async Task<T> ConvergeAsync<T>(Func<Task<T>> step)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await step();
            }
            catch (Exception e) when (attempt < 5 && e is ConflictException or Orleans.Storage.InconsistentStateException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt));
            }
        }
    }

    private async Task<bool> EnsurePartnerAsync(SeedPartner seed, CancellationToken cancellationToken)
    {
        var organization = grains.GetGrain<IOrganizationGrain>(seed.OrganizationId);
        var existing = await organization.GetAsync();
        await organization.EnsureAsync(seed.Name, OrganizationType.Partner);
        var partner = grains.GetGrain<IPartnerGrain>(seed.OrganizationId);
        var snapshot = await partner.GetAsync();
        if (snapshot.Status is PartnerStatus.Draft or PartnerStatus.Rejected)
        {
            if (!Same(snapshot.Profile, seed.Profile))
            {
                snapshot = await partner.UpdateProfileAsync(seed.Profile, Actor);
            }
            if (snapshot.Agreement?.Version != PartnerAgreement.CurrentVersion)
            {
                snapshot = await partner.AcceptAgreementAsync(PartnerAgreement.CurrentVersion, Actor);
            }
            if (snapshot.Documents.Count == 0)
            {
                await using var pdf = new MemoryStream(AttestationDocument.For(seed.Name));
                var stored = await store.PutAsync(pdf, pdf.Length, null, cancellationToken);
                await partner.AddDocumentAsync(
                    new PartnerDocument(Identifiers.New("doc"), "seed-attestation.pdf", "application/pdf", stored.SizeBytes, stored.Sha256, "other", time.GetUtcNow()),
                    Actor);
            }
            snapshot = await partner.SubmitAsync(Actor);
        }
        if (snapshot.Status == PartnerStatus.Submitted)
        {
            await partner.VerifyAsync("Seed catalog partner (fictional).", Actor);
        }
        return existing is null;
    }

    private async Task<Change> EnsureListingAsync(SeedListing seed)
    {
        var grain = grains.GetGrain<IListingGrain>(seed.ListingId);
        var snapshot = await grain.GetAsync();
        if (snapshot is null)
        {
            await grain.CreateAsync(seed.PartnerOrganizationId, seed.Content, Actor);
            await PublishAsync(grain);
            return Change.Created;
        }
        if (snapshot.Status == ListingStatus.Published && Same(snapshot.Published!.Content, seed.Content))
        {
            return Change.None;
        }
        if (snapshot.Status == ListingStatus.Deprecated)
        {
            // An operator retired it on purpose; the seed does not bring it back.
            return Change.None;
        }
        if (snapshot.Status == ListingStatus.InReview)
        {
            await grain.WithdrawAsync(Actor);
        }
        await grain.UpdateAsync(seed.Content, null, Actor);
        await PublishAsync(grain);
        return Change.Updated;
    }

    private static async Task PublishAsync(IListingGrain grain)
    {
        await grain.SubmitAsync(Actor);
        await grain.ApproveAsync("Seed catalog entry.", Actor);
    }

    private static bool Same<T>(T a, T b) =>
        JsonSerializer.Serialize(a, MarketplaceSerialization.JsonOptions) == JsonSerializer.Serialize(b, MarketplaceSerialization.JsonOptions);

    private static string Digest(SeedCatalog catalog) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(catalog, MarketplaceSerialization.JsonOptions)));

    private enum Change
    {
        None,
        Created,
        Updated,
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seed catalog applied: {Partners} partners, {Listings} listings ({PartnersCreated} partners created, {Created} listings created, {Updated} updated)")]
    private partial void LogApplied(int partners, int listings, int partnersCreated, int created, int updated);
}
