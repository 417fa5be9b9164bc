using System.Security.Cryptography;
using System.Text.Json;
using Marketplace.Abstractions.Sandbox;
using Marketplace.Abstractions.Catalog;
using Marketplace.Abstractions.Errors;
using Marketplace.Abstractions.Files;
using Marketplace.Abstractions.Listings;
using Marketplace.Abstractions.Organizations;
using Marketplace.Abstractions.Partners;
using Marketplace.Abstractions.Serialization;
using Marketplace.Application.Sandbox;
using Marketplace.Application.Sandbox.Benchmarks;
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
    IBuiltInArtifacts builtIns,
    IArtifactValidation validation,
    ModelBenchmarkJobs benchmarks,
    Microsoft.Extensions.Options.IOptions<SandboxOptions> sandbox,
    TimeProvider time,
    ILogger<SeedCatalogApplier> logger)
{
    public const string Actor = "seed catalog";

    public async Task<SeedReport> ApplyAsync(SeedCatalog catalog, bool force, CancellationToken cancellationToken)
    {
        // Durable and pushed to every silo through the catalog feed; this silo's copy at once.
        await grains.GetGrain<IIndustryListGrain>(0).ReplaceAsync(catalog.Industries);
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
        var artifact = await BuiltInArtifactAsync(seed, snapshot?.Published?.Artifact);
        var change = await PutInPlaceAsync(grain, snapshot, seed, artifact);
        if (artifact is not null)
        {
            await BenchmarkIfNeverMeasuredAsync(seed.ListingId, artifact);
        }
        return change;
    }

    private async Task<Change> PutInPlaceAsync(IListingGrain grain, ListingSnapshot? snapshot, SeedListing seed, ModelArtifact? artifact)
    {
        if (snapshot is null)
        {
            await grain.CreateAsync(seed.PartnerOrganizationId, seed.Content, Actor);
            await AttachAsync(grain, artifact);
            await PublishAsync(grain);
            return Change.Created;
        }
        if (snapshot.Status == ListingStatus.Published && Same(snapshot.Published!.Content, seed.Content)
            && (artifact is null || snapshot.Published.Artifact?.Sha256 == artifact.Sha256))
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
        await AttachAsync(grain, artifact);
        await PublishAsync(grain);
        return Change.Updated;
    }

    /// <summary>A shipped model file, stored and validated like an upload (the validation is the same for everyone).</summary>
    private async Task<ModelArtifact?> BuiltInArtifactAsync(SeedListing seed, ModelArtifact? published)
    {
        if (seed.BuiltInArtifact is null || builtIns.Find(seed.BuiltInArtifact) is not { } files)
        {
            return null;
        }
        var model = await StoreAsync(files.ModelPath);
        var vocabulary = files.VocabularyPath is null ? null : await StoreAsync(files.VocabularyPath);
        if (published is { IsValid: true } && published.Sha256 == model.Sha256 && published.VocabularySha256 == vocabulary?.Sha256)
        {
            // Already validated and attached: the same bytes give the same verdict.
            return published;
        }
        var validated = await validation.ValidateAsync(store.PathOf(model.Sha256), model.Sha256, model.SizeBytes, seed.Content.Model, CancellationToken.None);
        return validated with { VocabularySha256 = vocabulary?.Sha256 };
    }

    /// <summary>Seeded models get measured like uploads, once per model file, in the background.</summary>
    private async Task BenchmarkIfNeverMeasuredAsync(string listingId, ModelArtifact artifact)
    {
        var measured = await grains.GetGrain<Abstractions.Sandbox.IModelBenchmarksGrain>(listingId).ListAsync();
        if (sandbox.Value.BenchmarkOnUpload && measured.All(m => m.ArtifactSha256 != artifact.Sha256))
        {
            benchmarks.Start(listingId);
        }
    }

    private async Task<StoredFile> StoreAsync(string path)
    {
        await using var file = File.OpenRead(path);
        return await store.PutAsync(file, file.Length, null, CancellationToken.None);
    }

    private static async Task AttachAsync(IListingGrain grain, ModelArtifact? artifact)
    {
        if (artifact is not null)
        {
            await grain.AttachArtifactAsync(artifact, Actor);
        }
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
