using Bunit;
using Marketplace.Abstractions.Listings;
using Marketplace.Abstractions.Organizations;
using Marketplace.Abstractions.Partners;
using Marketplace.Application.Catalog.Search;
using Marketplace.Application.Listings.ReviewQueue;
using Marketplace.Application.Operations.GetSystemInfo;
using Marketplace.Application.Organizations.ListOrganizations;
using Marketplace.Application.Partners.Decisions;
using Marketplace.Application.Partners.GetPartner;
using Marketplace.Application.Partners.ListPartners;
using Marketplace.Domain.Catalog;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Organizations;
using Marketplace.Domain.Partners;
using Marketplace.Portal.Pages.Admin;

namespace Marketplace.Portal.Tests;

public sealed class OperatorPageTests : PortalTest
{
    public OperatorPageTests() => Caller = TestCallers.OperatorOwner;

    [Fact]
    public void Rejecting_a_partner_needs_a_reason()
    {
        Mediator.Returns<GetPartner>(TestData.Partner(PartnerStatus.Submitted))
            .On<RejectPartner>(r => TestData.Partner(PartnerStatus.Rejected) with { LastDecisionReason = r.Reason });
        var page = Render<PartnerReviewPage>(p => p.Add(r => r.OrganizationId, TestCallers.PartnerId));
        page.WaitForElement("button[data-testid='partner-reject']").Click();

        var confirm = page.WaitForElement("button[data-testid='reason-dialog-confirm']");
        Assert.True(confirm.HasAttribute("disabled"));
        confirm.Click();
        Assert.Empty(Mediator.SentOf<RejectPartner>());

        page.Find("textarea[data-testid='reason-dialog-text']").Input("The tax id does not match the certificate.");
        page.WaitForAssertion(() => Assert.False(page.Find("button[data-testid='reason-dialog-confirm']").HasAttribute("disabled")));
        page.Find("button[data-testid='reason-dialog-confirm']").Click();

        page.WaitForAssertion(() => Assert.Equal("The tax id does not match the certificate.", Mediator.SentOf<RejectPartner>().Single().Reason));
        page.WaitForAssertion(() => Assert.Equal("Rejected", page.Find("[data-testid='partner-status']").GetAttribute("data-status")));
    }

    [Fact]
    public void Overview_shows_waiting_work_and_charts()
    {
        Mediator.Returns<ListPartners>(new List<PartnerSummary>
            {
                new("org_a", "A", PartnerStatus.Submitted, [PartnerKind.Integrator], "CN", TestData.At),
                new("org_b", "B", PartnerStatus.Verified, [PartnerKind.ModelVendor], "DE", TestData.At),
            })
            .Returns<ListReviewQueue>(new List<ListingReviewItem> { new("lst_1", "org_b", "Model", ListingKind.Model, "1.0.0", TestData.At, 0) })
            .Returns<ListOrganizations>(new List<OrganizationSnapshot> { new("org_a", "A", OrganizationType.Partner, TestData.At) })
            .Returns<SearchCatalog>(new CatalogResult(34, [], new Dictionary<string, IReadOnlyDictionary<string, int>>
            {
                [CatalogFacets.Kind] = new Dictionary<string, int> { ["model"] = 12, ["integrator"] = 10, ["hardware"] = 12 },
            }));

        var page = Render<AdminHome>();

        page.WaitForAssertion(() => Assert.Equal("1", page.Find("[data-testid='stat-partners-waiting'] [data-testid='stat-value']").TextContent.Trim()));
        Assert.Equal("1", page.Find("[data-testid='stat-listings-waiting'] [data-testid='stat-value']").TextContent.Trim());
        Assert.Equal("34", page.Find("[data-testid='stat-published'] [data-testid='stat-value']").TextContent.Trim());
        Assert.NotEmpty(page.FindAll("[data-testid='chart-partners-by-status'] svg"));
        Assert.NotEmpty(page.FindAll("[data-testid='chart-listings-by-kind'] svg"));
    }

    [Fact]
    public void Review_queue_lists_partners_and_listings_waiting()
    {
        Mediator.Returns<ListPartners>(new List<PartnerSummary> { new("org_a", "Sino Vision", PartnerStatus.Submitted, [PartnerKind.Integrator], "CN", TestData.At) })
            .Returns<ListReviewQueue>(new List<ListingReviewItem> { new("lst_1", "org_b", "Edge model", ListingKind.Model, "1.0.0", TestData.At, 2) });

        var page = Render<ReviewQueuePage>();

        page.WaitForAssertion(() => Assert.Contains("Sino Vision", page.Find("[data-testid='review-partner-row']").TextContent));
        Assert.Equal(PartnerStatus.Submitted, Mediator.SentOf<ListPartners>().Single().Status);
    }

    [Fact]
    public void System_page_shows_silos_and_devices()
    {
        Mediator.Returns<GetSystemInfo>(new SystemInfo("1.2.3", "Embedded",
            [new SiloInfo("127.0.0.1:11111@1", "silo-1", "Active", new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc), [new("cpu", "cpu", "CPU")], "CUDA unavailable: libcudart.so.13: cannot open shared object file")],
            [new DeviceInfo("cpu", "cpu", "CPU", "127.0.0.1:11111@1")]));

        var page = Render<SystemPage>();

        page.WaitForAssertion(() => Assert.Contains("Embedded mode", page.Find("[data-testid='system-mode']").TextContent));
        Assert.Single(page.FindAll("[data-testid='silo-row']"));
        Assert.Contains("2026-11-02 09:00 UTC", page.Find("[data-testid='silo-row']").TextContent);
        Assert.Equal("CUDA unavailable: libcudart.so.13: cannot open shared object file", page.Find("[data-testid='silo-device-note']").TextContent.Trim());
    }
}
