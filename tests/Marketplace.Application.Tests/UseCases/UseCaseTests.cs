using Marketplace.Abstractions.Errors;
using Marketplace.Abstractions.Listings;
using Marketplace.Abstractions.Partners;
using Marketplace.Application.Catalog.Search;
using Marketplace.Application.Common.Security;
using Marketplace.Application.Listings.CreateListing;
using Marketplace.Application.Listings.Input;
using Marketplace.Application.Partners.UpdateProfile;
using Marketplace.Application.Sandbox.Trials;
using Marketplace.Application.Sandbox.Usage;
using Marketplace.Domain.Catalog;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Organizations;
using Marketplace.Domain.Partners;

namespace Marketplace.Application.Tests.UseCases;

/// <summary>Use cases sent through the real mediator: pipeline order, rules and the state they leave.</summary>
[Collection(SliceCollection.Name)]
public sealed class UseCaseTests(SliceFixture slices)
{
    private const string MiniLm = "lst_all-minilm-l6-v2";

    [Fact]
    public async Task Authorization_runs_before_validation_so_an_anonymous_caller_learns_nothing_about_the_body()
    {
        var invalid = new RunTrial(MiniLm, Texts: [], ImageBase64: "AAAA", Inputs: null);

        await Assert.ThrowsAsync<UnauthenticatedException>(() => slices.SendAsync<TrialResult>(Caller.Anonymous, invalid));
        var customer = await slices.OwnerOfNewOrganizationAsync(OrganizationType.Customer);
        var problem = await Assert.ThrowsAsync<RequestValidationException>(() => slices.SendAsync<TrialResult>(customer, invalid));
        Assert.Contains("body", problem.Errors.Keys);
    }

    [Fact]
    public async Task A_partner_declared_as_Integrator_creates_integrator_drafts_and_is_refused_hardware()
    {
        var partner = await slices.OwnerOfNewOrganizationAsync(OrganizationType.Partner);
        await slices.SendAsync<PartnerSnapshot>(partner, new UpdatePartnerProfile(
            partner.OrganizationId!, "Example GmbH", "DE", "DE123", "https://example.example", "a@example.example", null, null, [PartnerKind.Integrator]));

        var draft = await slices.SendAsync<ListingSnapshot>(partner, new CreateListing
        {
            PartnerId = partner.OrganizationId, Kind = ListingKind.Integrator, Name = "Roll-outs",
            Industries = ["finance"], Regions = ["de"], Pricing = new PricingInput { Currency = "usd", FixedFeeMinor = 100_00 },
        });
        var refused = await Assert.ThrowsAsync<ConflictException>(() => slices.SendAsync<ListingSnapshot>(partner, new CreateListing
        {
            PartnerId = partner.OrganizationId, Kind = ListingKind.Hardware, Name = "Box", AcceleratorType = "NVIDIA L4",
            Pricing = new PricingInput { Currency = "USD", PurchasePriceMinor = 900_000 },
        }));

        Assert.Equal((ListingStatus.Draft, "DE", "USD"), (draft.Status, draft.Current.Content.Regions.Single(), draft.Current.Content.Pricing.Currency));
        Assert.Equal("listing.kind_not_declared", refused.Code);
    }

    [Fact]
    public async Task Sixty_four_concurrent_trials_with_one_key_through_the_mediator_are_one_trial()
    {
        var customer = await slices.OwnerOfNewOrganizationAsync(OrganizationType.Customer);

        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ =>
            slices.SendAsync<TrialResult>(customer, new RunTrial(MiniLm, ["one sentence"], null, null, IdempotencyKey: "same-key"))));

        Assert.Single(results.Select(r => r.TrialId).Distinct());
        var usage = await slices.SendAsync<SandboxUsage>(customer, new GetSandboxUsage(customer.OrganizationId!));
        Assert.Equal(results[0].TrialId, Assert.Single(usage.Events).Id);
        Assert.Equal(1, usage.Quota.Usage.Trials);
        Assert.Equal(0, usage.Quota.Usage.ReservedComputeSeconds, precision: 9);
    }

    [Fact]
    public async Task Another_organisations_usage_is_forbidden()
    {
        var customer = await slices.OwnerOfNewOrganizationAsync(OrganizationType.Customer);
        var stranger = await slices.OwnerOfNewOrganizationAsync(OrganizationType.Customer);

        await Assert.ThrowsAsync<ForbiddenException>(() => slices.SendAsync<SandboxUsage>(stranger, new GetSandboxUsage(customer.OrganizationId!)));
    }

    [Fact]
    public async Task A_query_string_search_names_every_parameter_that_does_not_parse()
    {
        var problem = await Assert.ThrowsAsync<RequestValidationException>(() => slices.SendAsync<CatalogResult>(Caller.Anonymous,
            new SearchCatalogQueryString(new CatalogSearchParameters(Kind: ["model,robot"], MinPrice: "cheap", Sort: "random", MaxMemoryGb: "NaN"))));

        Assert.Equal(["kind", "maxMemoryGb", "minPrice", "sort"], problem.Errors.Keys.Order());
    }

    [Fact]
    public async Task A_query_string_search_is_the_portal_search_once_parsed()
    {
        var viaQueryString = await slices.SendAsync<CatalogResult>(Caller.Anonymous,
            new SearchCatalogQueryString(new CatalogSearchParameters(Q: "embedding", Kind: ["model"], Sort: "name", PageSize: "5")));
        var viaPortal = await slices.SendAsync<CatalogResult>(Caller.Anonymous,
            new SearchCatalog(new CatalogQuery { Text = "embedding", Kinds = [ListingKind.Model], Sort = CatalogSort.Name, PageSize = 5 }));

        Assert.Equal(viaPortal.Total, viaQueryString.Total);
        Assert.Equal(viaPortal.Items.Select(i => i.Id), viaQueryString.Items.Select(i => i.Id));
    }
}
