using Marketplace.Abstractions.Catalog;
using Marketplace.Abstractions.Errors;
using Marketplace.Abstractions.Listings;
using Marketplace.Abstractions.Partners;
using Marketplace.Abstractions.Reviews;
using Marketplace.Domain.Common;
using Marketplace.Domain.Listings;

namespace Marketplace.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class ListingGrainTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    private async Task<(IPartnerGrain Partner, IListingGrain Listing)> DraftAsync(bool verified = true)
    {
        var partner = verified ? await Grains.VerifiedPartnerAsync() : await Grains.SubmittedPartnerAsync();
        var listing = Grains.GetGrain<IListingGrain>(Identifiers.New("lst"));
        await listing.CreateAsync(partner.GetPrimaryKeyString(), Builders.Integrator(), "partner user");
        return (partner, listing);
    }

    private Task<IReadOnlyList<Domain.Catalog.CatalogEntry>> ShardAsync(IListingGrain listing) =>
        Grains.GetGrain<ICatalogShardGrain>(ICatalogShardGrain.ShardOf(listing.GetPrimaryKeyString())).ListAsync();

    [Fact]
    public async Task A_partner_that_is_not_verified_cannot_submit()
    {
        var (_, listing) = await DraftAsync(verified: false);

        var refused = await Assert.ThrowsAsync<ConflictException>(() => listing.SubmitAsync("partner user"));

        Assert.Equal("listing.partner_not_verified", refused.Code);
        Assert.Equal(ListingStatus.Draft, (await listing.GetAsync())!.Status);
    }

    [Fact]
    public async Task An_incomplete_listing_is_refused_at_submission_with_the_failed_checks()
    {
        var (_, listing) = await DraftAsync();
        await listing.UpdateAsync(Builders.Integrator() with { Summary = "short", Integrator = new IntegratorSpec() }, null, "partner user");

        var refused = await Assert.ThrowsAsync<ConflictException>(() => listing.SubmitAsync("partner user"));

        Assert.Equal("listing.checks_failed", refused.Code);
        Assert.Contains(refused.Details, d => d.StartsWith("summary:", StringComparison.Ordinal));
        Assert.Contains(refused.Details, d => d.StartsWith("capabilities:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Submit_approve_publishes_to_the_catalog_and_the_review_queue_follows()
    {
        var (partner, listing) = await DraftAsync();
        var id = listing.GetPrimaryKeyString();

        var submitted = await listing.SubmitAsync("partner user");
        Assert.Equal(ListingStatus.InReview, submitted.Status);
        Assert.NotEmpty(submitted.Current.Review!.Checks);
        Assert.Contains(await Grains.GetGrain<IReviewQueueGrain>(0).ListAsync(), i => i.ListingId == id);

        var approved = await listing.ApproveAsync("Looks good.", "operator");

        Assert.Equal(ListingStatus.Published, approved.Status);
        Assert.Equal("Approved", approved.Current.Review!.Decision);
        Assert.DoesNotContain(await Grains.GetGrain<IReviewQueueGrain>(0).ListAsync(), i => i.ListingId == id);
        var entry = Assert.Single(await ShardAsync(listing), e => e.Id == id);
        Assert.Equal("Example Integration Co", entry.Name);
        Assert.Equal(5_000_000, entry.PriceMinor);
        Assert.Equal((await partner.GetAsync()).Name, entry.PartnerName);
    }

    [Fact]
    public async Task Editing_a_published_listing_opens_a_new_version_and_leaves_the_published_one_untouched()
    {
        var (_, listing) = await DraftAsync();
        await listing.SubmitAsync("p");
        await listing.ApproveAsync(null, "o");

        var edited = await listing.UpdateAsync(Builders.Integrator("Renamed Offering"), null, "p");

        Assert.Equal(ListingStatus.Draft, edited.Status);
        Assert.Equal("1.1.0", edited.Current.Version);
        Assert.Equal("1.0.0", edited.Published!.Version);
        Assert.Equal("Example Integration Co", edited.Published.Content.Name);
        Assert.Equal("Example Integration Co", (await listing.GetPublishedAsync())!.Content.Name);

        await listing.SubmitAsync("p");
        var republished = await listing.ApproveAsync(null, "o");

        Assert.Equal(["1.0.0:Superseded", "1.1.0:Published"], republished.Versions.Select(v => $"{v.Version}:{v.Status}"));
        Assert.Equal("Renamed Offering", Assert.Single(await ShardAsync(listing), e => e.Id == listing.GetPrimaryKeyString()).Name);
    }

    [Fact]
    public async Task A_new_version_must_be_higher_than_the_published_one()
    {
        var (_, listing) = await DraftAsync();
        await listing.SubmitAsync("p");
        await listing.ApproveAsync(null, "o");

        var refused = await Assert.ThrowsAsync<RequestValidationException>(() => listing.UpdateAsync(Builders.Integrator(), "1.0.0", "p"));
        var accepted = await listing.UpdateAsync(Builders.Integrator(), "2.0.0", "p");

        Assert.Contains("version", refused.Errors.Keys);
        Assert.Equal("2.0.0", accepted.Current.Version);
    }

    [Fact]
    public async Task A_rejected_listing_keeps_its_reason_and_returns_to_draft_when_edited()
    {
        var (_, listing) = await DraftAsync();
        await listing.SubmitAsync("p");

        var rejected = await listing.RejectAsync("Prices look like a typo.", "operator");
        var edited = await listing.UpdateAsync(Builders.Integrator(), null, "p");

        Assert.Equal(ListingStatus.Rejected, rejected.Status);
        Assert.Equal(ListingStatus.Draft, edited.Status);
        Assert.Equal("Prices look like a typo.", edited.Current.Review!.Reason);
        Assert.Null(await listing.GetPublishedAsync());
    }

    [Fact]
    public async Task Deprecating_removes_it_from_the_catalog_for_good()
    {
        var (_, listing) = await DraftAsync();
        await listing.SubmitAsync("p");
        await listing.ApproveAsync(null, "o");

        var deprecated = await listing.DeprecateAsync("Replaced by a newer offering.", "p");

        Assert.Equal(ListingStatus.Deprecated, deprecated.Status);
        Assert.DoesNotContain(await ShardAsync(listing), e => e.Id == listing.GetPrimaryKeyString());
        await Assert.ThrowsAsync<ConflictException>(() => listing.UpdateAsync(Builders.Integrator(), null, "p"));
        await Assert.ThrowsAsync<ConflictException>(() => listing.SubmitAsync("p"));
    }

    [Fact]
    public async Task Suspending_a_partner_hides_its_listings_and_reinstating_shows_them_again()
    {
        var (partner, listing) = await DraftAsync();
        await listing.SubmitAsync("p");
        await listing.ApproveAsync(null, "o");
        var id = listing.GetPrimaryKeyString();

        await partner.SuspendAsync("Compliance check.", "operator");
        Assert.Null(await listing.GetPublishedAsync());
        Assert.DoesNotContain(await ShardAsync(listing), e => e.Id == id);

        await partner.ReinstateAsync(null, "operator");
        Assert.NotNull(await listing.GetPublishedAsync());
        Assert.Contains(await ShardAsync(listing), e => e.Id == id);
    }

    [Fact]
    public async Task The_feed_hands_a_published_change_to_a_waiting_silo_at_once()
    {
        var feed = Grains.GetGrain<ICatalogFeedGrain>(0);
        var start = await feed.WaitForChangesAsync(null, 0, TimeSpan.Zero);
        Assert.True(start.RebuildRequired);
        var waiting = feed.WaitForChangesAsync(start.Epoch, start.LastSequence, TimeSpan.FromSeconds(20));

        var (_, listing) = await DraftAsync();
        await listing.SubmitAsync("p");
        await listing.ApproveAsync(null, "o");
        var changes = await waiting;

        Assert.False(changes.RebuildRequired);
        Assert.Contains(changes.Changes, c => c.ListingId == listing.GetPrimaryKeyString() && c.Entry is not null);
    }
}
