using Bunit;
using Marketplace.Application.Sandbox.Artifacts;
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
}
