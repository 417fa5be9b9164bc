using Bunit;
using Marketplace.Application.Sandbox.Artifacts;
using Marketplace.Application.Sandbox.Trials;
using Marketplace.Domain.Sandbox;
using Marketplace.Domain.Listings;
using Marketplace.Portal.Components.Sandbox;
using Microsoft.AspNetCore.Components.Forms;

namespace Marketplace.Portal.Tests;

public sealed class ModelFileUploadTests : PortalTest
{
    [Fact]
    public async Task Upload_shows_progress_then_the_invalid_verdict_with_its_reasons()
    {
        var halfway = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        long received = 0;
        Mediator.OnAsync<UploadModelArtifact>(async upload =>
        {
            // Stand in for the content store: report bytes as they are read, then wait for the test.
            var buffer = new byte[500];
            received += await upload.Content.ReadAsync(buffer);
            upload.Progress!.Report(received);
            halfway.SetResult();
            await finish.Task;
            received += await upload.Content.ReadAsync(buffer);
            upload.Progress.Report(received);
            return SandboxTestData.InvalidArtifact("input 'input_ids' is declared int64 but the graph takes float32", "opset 6 is older than 7");
        });
        var changed = 0;
        var page = Render<ModelFileSection>(p => p
            .Add(s => s.Listing, TestData.Listing(ListingStatus.Draft, SandboxTestData.ModelListing))
            .Add(s => s.Adapter, "text")
            .Add(s => s.OnChanged, () => changed++));

        // bUnit's UploadFiles waits for the handler, which waits for this test: pick the file off the test thread.
        var input = page.FindComponent<InputFile>();
        var picked = Task.Run(() => input.UploadFiles(InputFileContent.CreateFromBinary(new byte[1_000], "model.onnx")));
        await halfway.Task;

        page.WaitForAssertion(() => Assert.Equal("50", page.Find("[data-testid='model-upload-progress']").GetAttribute("data-percent")));
        Assert.Contains("50 %", page.Find("[data-testid='model-upload-progress']").TextContent);
        finish.SetResult();
        await picked;

        page.WaitForAssertion(() => Assert.Equal("Invalid", page.Find("[data-testid='artifact-status']").TextContent.Trim()));
        Assert.Equal(
            ["input 'input_ids' is declared int64 but the graph takes float32", "opset 6 is older than 7"],
            page.FindAll("[data-testid='artifact-reason']").Select(r => r.TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid='model-upload-progress']"));
        Assert.Equal(1, changed);
        Assert.Equal("lst_test1", Mediator.SentOf<UploadModelArtifact>().Single().ListingId);
        Assert.True(page.Find("button[data-testid='model-run-benchmark']").HasAttribute("disabled"));
    }

    [Fact]
    public void A_valid_file_can_be_tried_on_its_working_version_before_buyers_can()
    {
        Mediator.On<RunTrial>(_ => SandboxTestData.Trial(new TrialOutputs { Embeddings = [[0.6f, 0.8f]] }));
        var listing = TestData.Listing(ListingStatus.Draft, SandboxTestData.ModelListing);
        listing = listing with { Current = listing.Current with { Artifact = Artifact(ModelArtifact.Valid) } };
        var page = Render<ModelFileSection>(p => p.Add(s => s.Listing, listing).Add(s => s.Adapter, "text"));

        page.Find("[data-testid='model-file-tryit'] textarea[data-testid='tryit-text']").Input("A first sentence.");
        page.Find("[data-testid='model-file-tryit'] button[data-testid='tryit-run']").Click();

        page.WaitForAssertion(() => Assert.True(Mediator.SentOf<RunTrial>().Single().WorkingVersion));
        Assert.Equal("lst_test1", Mediator.SentOf<RunTrial>().Single().ModelId);
    }

    [Fact]
    public void An_invalid_file_offers_no_trial()
    {
        var listing = TestData.Listing(ListingStatus.Draft, SandboxTestData.ModelListing);
        listing = listing with { Current = listing.Current with { Artifact = Artifact(ModelArtifact.Invalid) } };
        var page = Render<ModelFileSection>(p => p.Add(s => s.Listing, listing).Add(s => s.Adapter, "text"));

        Assert.Empty(page.FindAll("[data-testid='model-file-tryit']"));
    }

    private static ModelArtifact Artifact(string status) =>
        new() { Sha256 = new string('c', 64), SizeBytes = 1_000, Status = status, Reasons = status == ModelArtifact.Valid ? [] : ["not ONNX"] };
}
