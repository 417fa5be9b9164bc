using Bunit;
using Marketplace.Abstractions.Errors;
using Marketplace.Application.Common.Security;
using Marketplace.Application.Sandbox.Trials;
using Marketplace.Domain.Sandbox;
using Marketplace.Portal.Components.Sandbox;

namespace Marketplace.Portal.Tests;

public sealed class TryItTests : PortalTest
{
    public TryItTests() => Caller = TestCallers.Customer;

    [Fact]
    public void Sends_each_line_as_a_text_and_shows_the_dimension_and_cosine_matrix()
    {
        Mediator.On<RunTrial>(_ => SandboxTestData.Trial(
            new TrialOutputs { Embeddings = [[1f, 0f, 0f], [0.6f, 0.8f, 0f]] },
            fallbackReason: "CUDA unavailable: libcudart.so.13 is missing."));
        var page = RenderPanel();

        page.Find("textarea[data-testid='tryit-text']").Input(" The invoice is due.\n\nPay the bill by Friday. \n");
        page.Find("button[data-testid='tryit-run']").Click();

        page.WaitForAssertion(() => Assert.Equal("3", page.Find("[data-testid='trial-embedding-dimension']").TextContent.Trim()));
        var sent = Mediator.SentOf<RunTrial>().Single();
        Assert.Equal(["The invoice is due.", "Pay the bill by Friday."], sent.Texts);
        Assert.Equal((SandboxTestData.ModelId, (string?)null, (object?)null), (sent.ModelId, sent.ImageBase64, (object?)sent.Inputs));
        Assert.False(string.IsNullOrEmpty(sent.IdempotencyKey));
        var cells = page.FindAll("[data-testid='similarity-cell']").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["1.00", "0.60", "0.60", "1.00"], cells);
        var device = page.Find("[data-testid='trial-device']");
        Assert.Equal(("CPU", "true"), (device.GetAttribute("data-kind"), device.GetAttribute("data-fallback")));
        Assert.Contains("libcudart.so.13", page.Find("[data-testid='trial-fallback']").TextContent);
        Assert.Equal("12.3 ms", page.Find("[data-testid='trial-latency']").TextContent.Trim());
        Assert.Equal("2", page.Find("[data-testid='trial-batch-size']").TextContent.Trim());
    }

    [Fact]
    public void A_sample_chip_fills_the_texts_and_a_429_says_when_to_retry()
    {
        Mediator.Throws<RunTrial>(new TooManyRequestsException("The daily limit of 500 trials is reached; it resets at 00:00 UTC.", TimeSpan.FromMinutes(90)));
        var page = RenderPanel();

        page.FindAll("[data-testid='tryit-sample']").Single(c => c.GetAttribute("data-label") == "Paraphrases").Click();
        page.Find("button[data-testid='tryit-run']").Click();

        page.WaitForAssertion(() => Assert.Contains("The daily limit of 500 trials is reached", page.Find("[data-testid='tryit-quota']").TextContent));
        Assert.Equal("1 h 30 min", page.Find("[data-testid='tryit-retry-after']").TextContent.Trim());
        Assert.Equal(2, Mediator.SentOf<RunTrial>().Single().Texts!.Count);
        Assert.Empty(page.FindAll("[data-testid='trial-result']"));
    }

    [Fact]
    public void A_model_without_a_validated_file_says_it_cannot_be_tried()
    {
        Mediator.Throws<RunTrial>(new ConflictException("sandbox.no_artifact", "Version 1.0.0 has no validated ONNX file, so it cannot run in the sandbox."));
        var page = RenderPanel();

        page.Find("textarea[data-testid='tryit-text']").Input("hello");
        page.Find("button[data-testid='tryit-run']").Click();

        page.WaitForAssertion(() => Assert.Contains("This model cannot be tried in the sandbox", page.Find("[data-testid='empty-state']").TextContent));
        Assert.Empty(page.FindAll("[data-testid='tryit-run']"));
    }

    [Fact]
    public void Anonymous_visitors_are_asked_to_sign_in_and_nothing_is_sent()
    {
        Caller = Caller.Anonymous;

        var page = RenderPanel();

        Assert.Contains("Sign in to try this model", page.Find("[data-testid='tryit-sign-in']").TextContent);
        Assert.Empty(page.FindAll("[data-testid='tryit-run']"));
        Assert.Empty(Mediator.Sent);
    }

    private IRenderedComponent<TestHost> RenderPanel() =>
        Render<TryItPanel>(p => p.Add(t => t.ModelId, SandboxTestData.ModelId).Add(t => t.Model, SandboxTestData.TextModel));
}
