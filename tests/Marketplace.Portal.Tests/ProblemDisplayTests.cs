using Bunit;
using Marketplace.Abstractions.Errors;
using Marketplace.Application.Catalog.Industries;
using Marketplace.Application.Catalog.Items;
using Marketplace.Application.Listings.GetListing;
using Marketplace.Application.Sandbox.Artifacts;
using Marketplace.Application.Sandbox.Benchmarks;
using Marketplace.Domain.Listings;
using Marketplace.Portal.Components.Sandbox;
using Marketplace.Portal.Pages.Catalog;
using Marketplace.Portal.Pages.Partner;
using Microsoft.AspNetCore.Components.Forms;

namespace Marketplace.Portal.Tests;

/// <summary>Pages answer the problems they expect themselves and show the rest where the request was made.</summary>
public sealed class ProblemDisplayTests : PortalTest
{
    [Fact]
    public void A_listing_that_left_the_catalog_offers_the_way_back_rather_than_an_error()
    {
        Mediator.Throws<GetCatalogItem>(new NotFoundException("Listing", "lst_gone"));

        var page = Render<CatalogItemPage>(p => p.Add(i => i.Id, "lst_gone"));

        page.WaitForAssertion(() => Assert.Equal("This listing is not in the catalog", page.Find("[data-testid='empty-state'] h6").TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid='error-alert']"));
    }

    [Fact]
    public void Another_partners_listing_reads_as_missing_in_the_editor()
    {
        Mediator.Returns<ListIndustries>(TestData.Industries).Throws<GetListing>(new ForbiddenException("The listing belongs to another partner."));

        var page = Render<ListingEditorPage>(p => p.Add(e => e.Id, "lst_other"));

        page.WaitForAssertion(() => Assert.Contains("No such listing", page.Find("[data-testid='empty-state']").TextContent));
        Assert.Empty(page.FindAll("[data-testid='error-alert']"));
    }

    [Fact]
    public void A_refused_vocabulary_is_explained_beside_the_vocabulary_and_a_failed_benchmark_beside_the_benchmark()
    {
        Mediator.Throws<UploadVocabulary>(new ConflictException("listing.artifact_missing", "Upload the model file before its vocabulary."))
            .Throws<RunModelBenchmark>(new ConflictException("sandbox.busy", "A benchmark of this file is already running."));
        var listing = TestData.Listing(ListingStatus.Draft, SandboxTestData.ModelListing);
        listing = listing with
        {
            Current = listing.Current with { Artifact = new ModelArtifact { Sha256 = new string('c', 64), SizeBytes = 1_000, Status = ModelArtifact.Valid } },
        };
        var page = Render<ModelFileSection>(p => p.Add(s => s.Listing, listing).Add(s => s.Adapter, "text"));

        page.FindComponent<VocabularyUpload>().FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("[PAD]\n[UNK]\n", "vocab.txt"));
        page.WaitForAssertion(() => Assert.Equal("Upload the model file before its vocabulary.", page.Find("[data-testid='vocabulary-error']").TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid='error-alert']"));

        page.Find("button[data-testid='model-run-benchmark']").Click();
        page.WaitForAssertion(() => Assert.Equal(
            "A benchmark of this file is already running.",
            page.FindComponent<ModelBenchmark>().Find("[data-testid='error-alert']").TextContent.Trim()));
        Assert.Single(page.FindAll("[data-testid='error-alert']"));
    }
}
